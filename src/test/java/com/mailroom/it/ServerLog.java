package com.mailroom.it;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Everything Payara Micro prints during the tests. The Arquillian container copies the server's output line by line
 * to {@code System.out}; this tee keeps a copy, so a test can prove that no secret reached the server log.
 * Installed by the first test class that asks for it, before its deployment starts the server.
 */
public final class ServerLog {

    private static final ByteArrayOutputStream CAPTURED = new ByteArrayOutputStream();
    private static boolean installed;

    private ServerLog() {}

    public static synchronized void capture() {
        if (installed) {
            return;
        }
        PrintStream original = System.out;
        System.setOut(new PrintStream(
                new OutputStream() {
                    @Override
                    public void write(int b) {
                        original.write(b);
                        synchronized (CAPTURED) {
                            CAPTURED.write(b);
                        }
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        original.write(b, off, len);
                        synchronized (CAPTURED) {
                            CAPTURED.write(b, off, len);
                        }
                    }
                },
                true,
                StandardCharsets.UTF_8));
        installed = true;
    }

    public static String text() {
        synchronized (CAPTURED) {
            return CAPTURED.toString(StandardCharsets.UTF_8);
        }
    }
}
