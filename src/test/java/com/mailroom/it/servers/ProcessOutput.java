package com.mailroom.it.servers;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A server's output, kept in memory for the tests and written to a file for the person reading a failure. */
final class ProcessOutput {

    private final StringBuffer text = new StringBuffer();

    /** Copies {@code in} in the background into this and {@code file}; {@code ready} fires on the first line matching.
     * */
    CountDownLatch pump(InputStream in, Path file, Predicate<String> readyLine) {
        var ready = new CountDownLatch(1);
        Thread reader = new Thread(
                () -> {
                    try (var lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                            Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                        String line;
                        while ((line = lines.readLine()) != null) {
                            text.append(line).append('\n');
                            out.write(line);
                            out.write('\n');
                            out.flush();
                            if (readyLine.test(line)) {
                                ready.countDown();
                            }
                        }
                    } catch (IOException ignored) {
                        // the process ended
                    } finally {
                        ready.countDown();
                    }
                },
                "server-output-" + file.getFileName());
        reader.setDaemon(true);
        reader.start();
        return ready;
    }

    void append(String more) {
        text.append(more);
    }

    String text() {
        return text.toString();
    }

    String tail(int chars) {
        String all = text();
        return all.length() <= chars ? all : all.substring(all.length() - chars);
    }

    static boolean await(CountDownLatch latch, long seconds) {
        try {
            return latch.await(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs a command to its end and returns its output; fails with the output unless it exits 0. */
    static String run(ProcessBuilder command, long timeoutSeconds) {
        try {
            Process process = command.redirectErrorStream(true).start();
            var out = new StringBuffer();
            Thread reader = new Thread(() -> {
                try (var lines =
                        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    lines.lines().forEach(l -> out.append(l).append('\n'));
                } catch (IOException ignored) {
                    // ended
                }
            });
            reader.start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                ServerUnderTest.stop(process);
                throw new IllegalStateException(
                        "timed out after " + timeoutSeconds + " s: " + command.command() + "\n" + out);
            }
            reader.join(5000);
            if (process.exitValue() != 0) {
                throw new IllegalStateException("exit " + process.exitValue() + ": " + command.command() + "\n" + out);
            }
            return out.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
