package com.mailroom.delivery.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.mailroom.delivery.control.ContentChunks.Chunk;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentChunksTest {

    private static final int N = ContentChunks.CHUNK_CHARS;

    @Test
    void partsAreCutAtTheChunkSizeAndNumberedInOrder() {
        String text = "a".repeat(N) + "b".repeat(N) + "c";
        var chunks = ContentChunks.split(text, "<p>x</p>", List.of("QUJD", "b".repeat(N)));
        assertEquals(
                List.of(
                        new Chunk(0, 0, "a".repeat(N)),
                        new Chunk(0, 1, "b".repeat(N)),
                        new Chunk(0, 2, "c"),
                        new Chunk(1, 0, "<p>x</p>"),
                        new Chunk(2, 0, "QUJD"),
                        new Chunk(3, 0, "b".repeat(N))),
                chunks);
    }

    @Test
    void anAbsentBodyHasNoRowsAndAnEmptyOneHasOneEmptyRow() {
        assertEquals(List.of(new Chunk(0, 0, "")), ContentChunks.split("", null, List.of()));
    }

    @Test
    void joiningGivesEveryPartBackWholeAndNullForAbsentOnes() {
        String text = "x".repeat(2 * N + 7);
        var joiner = new ContentChunks.Joiner();
        ContentChunks.split(text, null, List.of("QUJD")).forEach(c -> joiner.add(c.part(), c.data()));
        assertEquals(text, joiner.take(0));
        assertNull(joiner.take(1));
        assertEquals("QUJD", joiner.take(2));
        assertNull(joiner.take(2), "taken once: the buffer is released");
    }
}
