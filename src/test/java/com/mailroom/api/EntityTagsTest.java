package com.mailroom.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EntityTagsTest {

    // EntityTags.of cannot run here: jakarta.ws.rs.core.EntityTag needs a JAX-RS RuntimeDelegate (integration tests).

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   ", "*", " * "})
    void noHeaderOrStarAcceptsEveryVersion(String ifMatch) {
        var precondition = EntityTags.precondition(ifMatch);
        assertTrue(precondition.test(3));
        assertTrue(precondition.test(4711));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"3\"", " \"3\" ", "W/\"3\"", "\"1\", \"3\"", "\"3\",\"4\"", "3"})
    void headerNamingTheCurrentVersionMatches(String ifMatch) {
        assertTrue(EntityTags.precondition(ifMatch).test(3));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "\"2\"",
                "\"4\"",
                "\"03\"",
                "\"3 \"",
                "\"-3\"",
                "\"abc\"",
                "\"1\", \"2\"",
                "\"3x\"",
                "\"\"",
                "\"*\", \"2\"",
                "\"9223372036854775807\""
            })
    void headerNamingAnyOtherVersionDoesNotMatch(String ifMatch) {
        assertFalse(EntityTags.precondition(ifMatch).test(3));
    }

    @Test
    void largeVersionsMatchExactly() {
        assertTrue(EntityTags.precondition("\"" + Long.MAX_VALUE + "\"").test(Long.MAX_VALUE));
        assertFalse(EntityTags.precondition("\"" + Long.MAX_VALUE + "\"").test(Long.MAX_VALUE - 1));
    }
}
