package com.mailroom.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.mailroom.errors.StaleVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EntityTagsTest {

    // EntityTags.of cannot run here: jakarta.ws.rs.core.EntityTag needs a JAX-RS RuntimeDelegate (integration tests).

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "*", " * "})
    void noHeaderOrStarNamesNoVersion(String ifMatch) {
        assertNull(EntityTags.version(ifMatch, 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"3\"", " \"3\" ", "W/\"3\"", "\"1\", \"3\"", "\"3\",\"4\"", "3"})
    void headerNamingTheCurrentVersionMatches(String ifMatch) {
        assertEquals(3L, EntityTags.version(ifMatch, 3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2\"", "\"4\"", "\"03\"", "\"3 \"", "\"-3\"", "\"abc\"", "\"1\", \"2\"", "\"3x\"", "\"\"",
            "\"*\", \"2\"", "\"9223372036854775807\""})
    void headerNamingAnyOtherVersionIsStale(String ifMatch) {
        var e = assertThrows(StaleVersion.class, () -> EntityTags.version(ifMatch, 3));
        assertEquals(412, e.status());
        assertEquals(true, e.getMessage().contains("version 3"), e.getMessage());
    }

    @Test
    void largeVersionsMatchExactly() {
        assertEquals(Long.MAX_VALUE, EntityTags.version("\"" + Long.MAX_VALUE + "\"", Long.MAX_VALUE));
    }
}
