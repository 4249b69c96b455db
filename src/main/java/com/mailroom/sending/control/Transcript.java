package com.mailroom.sending.control;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns Jakarta Mail's debug output for one session into {@code S: }/{@code C: } transcript lines.
 * <p>
 * Angus Mail writes the raw protocol (server replies and client commands, unprefixed) and its own notes
 * ({@code DEBUG SMTP: ...}, stack traces) to the session's debug stream. Server lines are recognised by their reply
 * code, client lines by the SMTP verbs; anything else is left out. Angus suppresses the AUTH exchange itself (we
 * leave {@code mail.debug.auth} off), so the AUTH command and its final reply are rebuilt from its notes and the
 * transport's last reply; a token refused with an error challenge shows it decoded ({@link XOAuth2Transport}).
 * Message content between {@code 354} and the closing dot is not kept. Every line also
 * passes the {@link Redactor}, and the transcript is bounded.
 */
final class Transcript {

    static final int MAX_LINES = 200;
    static final int MAX_LINE_CHARS = 500;
    /** Written by {@link XOAuth2Transport} with the decoded error challenge of a refused token. */
    static final String CHALLENGE_NOTE = "DEBUG SMTP: XOAUTH2 error challenge: ";

    private static final Pattern SERVER_LINE = Pattern.compile("^\\d{3}(?:[ -].*)?$");
    private static final Pattern CLIENT_LINE = Pattern.compile(
            "^(EHLO|HELO|STARTTLS|AUTH|MAIL FROM|RCPT TO|DATA|BDAT|RSET|NOOP|QUIT|VRFY)\\b.*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern AUTH_SUPPRESSED = Pattern.compile("^DEBUG SMTP: AUTH (\\S+) command trace suppressed");
    private static final Pattern AUTH_DONE = Pattern.compile("^DEBUG SMTP: AUTH \\S+ (?:succeeded|failed)");
    private static final Pattern AUTH_OFFER = Pattern.compile("^250[ -]AUTH (.*)$", Pattern.CASE_INSENSITIVE);

    private final Redactor redactor;
    private final List<String> lines = new ArrayList<>();
    private Supplier<String> lastReply = () -> null;
    private int omitted;
    private boolean dataCommandSent;
    private boolean inMessageContent;
    private String lastVerb;
    private String offeredAuth;

    Transcript(Redactor redactor) {
        this.redactor = redactor;
    }

    /** The stream to hand to {@code Session.setDebugOut}; it is fed by the thread that runs the conversation. */
    PrintStream debugOut() {
        return new PrintStream(new LineSplitter(), true, StandardCharsets.UTF_8);
    }

    /** Where to read the server's reply to AUTH, whose trace Angus suppresses. */
    void replyTextFrom(Supplier<String> lastServerResponse) {
        this.lastReply = lastServerResponse;
    }

    /** At most {@value #MAX_LINES} lines, plus one line that says how many more were left out. */
    List<String> lines() {
        List<String> copy = new ArrayList<>(lines);
        if (omitted > 0) {
            copy.add("… " + omitted + " more lines left out");
        }
        return copy;
    }

    /** The verb of the last command the client sent (upper case), or null before the first one. */
    String lastVerb() {
        return lastVerb;
    }

    /** The mechanisms of the server's last {@code 250 AUTH} line, or null when it offered none. */
    String offeredAuth() {
        return offeredAuth;
    }

    private void accept(String line) {
        if (line.startsWith("DEBUG")) {
            note(line);
        } else if (inMessageContent) {
            if (line.equals(".")) {
                // the closing dot; content lines that start with a dot are doubled, so this is the only lone one
                inMessageContent = false;
                add("C: <message content left out>");
                add("C: .");
            }
        } else if (SERVER_LINE.matcher(line).matches()) {
            server(line);
        } else {
            Matcher m = CLIENT_LINE.matcher(line);
            if (m.matches()) {
                client(m.group(1).toUpperCase(Locale.ROOT), line);
            }
            // anything else is a stack trace or similar note, not protocol
        }
    }

    private void server(String line) {
        add("S: " + line);
        Matcher offer = AUTH_OFFER.matcher(line);
        if (offer.matches()) {
            offeredAuth = offer.group(1).strip();
        }
        if (dataCommandSent && line.startsWith("354")) {
            inMessageContent = true;
        }
        dataCommandSent = false;
    }

    private void client(String verb, String line) {
        lastVerb = verb;
        dataCommandSent = verb.equals("DATA");
        if (verb.equals("EHLO")) {
            offeredAuth = null; // a new EHLO (after STARTTLS) replaces the list of extensions
        }
        if (verb.equals("AUTH")) {
            // only seen if AUTH tracing were switched on: keep the mechanism, never the response
            String[] words = line.split("\\s+");
            add("C: AUTH " + (words.length > 1 ? words[1] + " " : "") + Redactor.REDACTED);
        } else {
            add("C: " + line);
        }
    }

    private void note(String line) {
        Matcher suppressed = AUTH_SUPPRESSED.matcher(line);
        if (line.startsWith(CHALLENGE_NOTE)) {
            add("S: 334 " + line.substring(CHALLENGE_NOTE.length()) + " (decoded)");
            add("C: (empty response)");
        } else if (suppressed.find()) {
            lastVerb = "AUTH";
            add("C: AUTH " + suppressed.group(1) + " " + Redactor.REDACTED);
        } else if (AUTH_DONE.matcher(line).find()) {
            String reply = lastReply.get();
            if (reply != null) {
                reply.lines().map(String::strip).filter(l -> !l.isEmpty()).forEach(l -> add("S: " + l));
            }
        }
    }

    private void add(String line) {
        if (lines.size() >= MAX_LINES) {
            omitted++;
            return;
        }
        String safe = redactor.reveals(line) ? line.substring(0, 3) + Redactor.REDACTED : line;
        lines.add(safe.length() > MAX_LINE_CHARS ? safe.substring(0, MAX_LINE_CHARS) + "…" : safe);
    }

    /** Splits the debug bytes into lines; a line longer than needed is cut while it is read, so memory stays bounded.
     * */
    private final class LineSplitter extends OutputStream {
        private static final int MAX_LINE_BYTES = 4 * MAX_LINE_CHARS;
        private final ByteArrayOutputStream current = new ByteArrayOutputStream();

        @Override
        public void write(int b) {
            if (b == '\n') {
                String line = current.toString(StandardCharsets.UTF_8);
                current.reset();
                accept(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
            } else if (current.size() < MAX_LINE_BYTES) {
                current.write(b);
            }
        }
    }
}
