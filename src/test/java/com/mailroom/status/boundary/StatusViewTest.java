package com.mailroom.status.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The status all admins see: valid only when every node that checked is valid; the banner names the first problem. */
class StatusViewTest {

    static StatusView.Node node(String name, boolean valid) {
        return new StatusView.Node(
                name, valid, valid ? null : "SMTP connect failed on " + name, "2026-12-03T10:00:00Z");
    }

    @Test
    void everyNodeValidIsValid() {
        var view = StatusView.of("custom", List.of(node("a", true), node("b", true)));
        assertTrue(view.isValid());
        assertEquals(2, view.nodeCount());
        assertEquals("custom", view.mode());
        assertEquals(Optional.empty(), view.firstProblem());
    }

    @Test
    void oneInvalidNodeMakesTheWholeInvalidAndIsTheBannersProblem() {
        var view = StatusView.of("default", List.of(node("a", true), node("b", false), node("c", false)));
        assertFalse(view.isValid());
        assertEquals("b", view.firstProblem().orElseThrow().hostname());
    }

    @Test
    void noNodeHasCheckedYetIsNotAnError() {
        var view = StatusView.of("custom", List.of());
        assertTrue(view.isValid());
        assertEquals(0, view.nodeCount());
    }
}
