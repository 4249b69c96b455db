package com.mailroom.delivery.control;

import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A mail's bodies and attachments as the rows of {@code outbound_content} (V5__content_chunks.sql says why): each part
 * cut into chunks of at most {@value #CHUNK_CHARS} characters. Part 0 is the text body, 1 the HTML body, 2 + n the
 * base64 content of attachment n. An absent body has no rows; an empty one has one empty row.
 */
public final class ContentChunks {

    static final int CHUNK_CHARS = 256 * 1024;
    static final int TEXT = 0;
    static final int HTML = 1;
    static final int FIRST_ATTACHMENT = 2;

    /** EclipseLink's query hint {@code QueryHints.FLUSH}, by name: the API is the server's, not a dependency. */
    private static final String FLUSH = "eclipselink.flush";

    record Chunk(int part, int seq, String data) {}

    private ContentChunks() {}

    /** Stores the parts of the mail {@code mailId}, which must be in the database already (flushed by the caller). */
    public static void write(EntityManager em, String mailId, String text, String html, List<String> attachments) {
        var insert = em.createNativeQuery(
                        "INSERT INTO outbound_content (mail_id, part, seq, data) VALUES (?1, ?2, ?3, ?4)")
                // the caller flushed the mails; without this hint EclipseLink would flush (compare every entity of
                // the transaction) again before each row
                .setHint(FLUSH, false);
        for (Chunk chunk : split(text, html, attachments)) {
            insert.setParameter(1, mailId)
                    .setParameter(2, chunk.part())
                    .setParameter(3, chunk.seq())
                    .setParameter(4, chunk.data())
                    .executeUpdate();
        }
    }

    static List<Chunk> split(String text, String html, List<String> attachments) {
        List<Chunk> chunks = new ArrayList<>();
        cut(TEXT, text, chunks);
        cut(HTML, html, chunks);
        for (int i = 0; i < attachments.size(); i++) {
            cut(FIRST_ATTACHMENT + i, attachments.get(i), chunks);
        }
        return chunks;
    }

    private static void cut(int part, String value, List<Chunk> chunks) {
        if (value == null) {
            return;
        }
        int seq = 0;
        int from = 0;
        do {
            int to = Math.min(value.length(), from + CHUNK_CHARS);
            chunks.add(new Chunk(part, seq++, value.substring(from, to)));
            from = to;
        } while (from < value.length());
    }

    /** Collects rows read in the order (part, seq) back into whole parts. */
    static final class Joiner {
        private final Map<Integer, StringBuilder> parts = new TreeMap<>();

        void add(int part, String data) {
            parts.computeIfAbsent(part, p -> new StringBuilder()).append(data);
        }

        /** The part's whole value, or null when it had no rows; the part's buffer is released. */
        String take(int part) {
            StringBuilder value = parts.remove(part);
            return value == null ? null : value.toString();
        }
    }
}
