package com.mailroom.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every JUL record of every logger at every level while open (Jersey, HK2, the JDK's HTTP client and Angus Mail
 * log through JUL too), so a test can prove that no secret or token reaches a log line, plainly or base64-encoded.
 */
public final class LogCapture extends Handler implements AutoCloseable {

    /** The JDK's HTTP client: at FINE it logs request headers, an HTTP Basic {@code Authorization} included. */
    public static final String JDK_HTTP = "sun.net.www.protocol.http.HttpURLConnection";

    private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9+/]{8,}={0,2}");

    private record Line(String logger, String text) {}

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Logger root = Logger.getLogger("");
    private final Level rootLevel = root.getLevel();
    private final SimpleFormatter formatter = new SimpleFormatter();

    public LogCapture() {
        setLevel(Level.ALL);
        root.addHandler(this);
        // the console handler keeps its own level, so the console does not get louder
        root.setLevel(Level.ALL);
    }

    @Override
    public void publish(LogRecord record) {
        StringWriter text = new StringWriter();
        text.append(formatter.formatMessage(record));
        if (record.getThrown() != null) {
            record.getThrown().printStackTrace(new PrintWriter(text));
        }
        lines.add(new Line(String.valueOf(record.getLoggerName()), text.toString()));
    }

    /** Fails when a line of any logger but the excepted ones contains a credential, plainly or in base64. */
    public void assertNoneReveals(Collection<String> credentials, String... exceptLoggers) {
        assertTrue(lines.size() > 0, "the capture saw no log record at all");
        Set<String> excepted = Set.of(exceptLoggers);
        for (Line line : lines) {
            if (excepted.contains(line.logger())) {
                continue;
            }
            for (String credential : credentials) {
                if (reveals(line.text(), credential)) {
                    fail("a log line of " + line.logger() + " reveals a credential: " + line.text());
                }
            }
        }
    }

    private static boolean reveals(String text, String credential) {
        String encoded = URLEncoder.encode(credential, StandardCharsets.UTF_8);
        if (text.contains(credential) || text.contains(encoded)) {
            return true;
        }
        Matcher m = BASE64.matcher(text);
        while (m.find()) {
            String token = m.group();
            String whole = token.substring(0, token.length() - token.length() % 4);
            try {
                String decoded = new String(Base64.getDecoder().decode(whole), StandardCharsets.UTF_8);
                if (decoded.contains(credential) || decoded.contains(encoded)) {
                    return true;
                }
            } catch (IllegalArgumentException notBase64) {
                // most words are not base64
            }
        }
        return false;
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
        root.removeHandler(this);
        root.setLevel(rootLevel);
    }
}
