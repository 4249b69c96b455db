package com.mailroom.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The Arquillian servers' embedded H2 file, read as bytes: to prove that a secret is not in it in clear text. */
final class DatabaseFile {

    private DatabaseFile() {}

    /**
     * The file's content once {@code marker} (a value saved with the secrets) is in it: H2 writes committed data in
     * the background, and a check before that would mean nothing.
     */
    static String awaitWritten(String marker) {
        Path db = Path.of(System.getProperty("it.data.dir"), "mailroom.mv.db");
        return Await.until(
                Duration.ofSeconds(10),
                () -> read(db),
                content -> content.contains(marker),
                content -> "the saved settings never reached " + db);
    }

    private static String read(Path db) {
        try {
            return new String(Files.readAllBytes(db), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
