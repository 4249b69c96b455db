package com.mailroom.api;

import jakarta.ws.rs.core.EntityTag;
import java.util.Set;
import java.util.function.LongPredicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The settings' version as an ETag, and the versions an If-Match header names. */
final class EntityTags {

    private EntityTags() {}

    static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * @return which stored versions satisfy {@code If-Match}: any without the header or with {@code *} (the PUT is
     *         then unconditional), otherwise exactly the versions it names (a tag that names none matches nothing)
     */
    static LongPredicate precondition(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return version -> true;
        }
        Set<String> named = Stream.of(ifMatch.split(","))
                .map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .map(tag -> tag.replace("\"", ""))
                .collect(Collectors.toSet());
        return version -> named.contains(Long.toString(version));
    }
}
