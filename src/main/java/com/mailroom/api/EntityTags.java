package com.mailroom.api;

import com.mailroom.errors.StaleVersion;
import jakarta.ws.rs.core.EntityTag;

/** The settings' version as an ETag, and the version an If-Match header names. */
final class EntityTags {

    private EntityTags() {
    }

    static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * @return the version named by If-Match, or null when there is no header or it is {@code *}
     * @throws StaleVersion when the header names no version that exists, so it can never match
     */
    static Long version(String ifMatch, long current) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        for (String tag : ifMatch.split(",")) {
            String value = tag.strip();
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            value = value.replace("\"", "");
            if (value.equals(Long.toString(current))) {
                return current;
            }
        }
        throw new StaleVersion(current);
    }
}
