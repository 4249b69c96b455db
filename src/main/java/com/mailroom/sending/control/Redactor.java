package com.mailroom.sending.control;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last defence that keeps a password or token out of transcripts and messages: it finds the secret itself and
 * the secret inside any base64 token (which covers the AUTH PLAIN, LOGIN and XOAUTH2 encodings at every alignment).
 * A very short secret makes it redact generously; that is the safe side.
 */
final class Redactor {

    static final String REDACTED = "<redacted>";

    private static final Pattern BASE64_TOKEN = Pattern.compile("[A-Za-z0-9+/]{4,}={0,2}");

    private final String secret;

    Redactor(String secret) {
        this.secret = secret == null || secret.isEmpty() ? null : secret;
    }

    /** True when the text contains the secret, plainly or base64-encoded. */
    boolean reveals(String text) {
        if (secret == null || text == null) {
            return false;
        }
        if (text.contains(secret)) {
            return true;
        }
        Matcher m = BASE64_TOKEN.matcher(text);
        while (m.find()) {
            if (decodesToSecret(m.group())) {
                return true;
            }
        }
        return false;
    }

    /** The text with every occurrence of the secret, plain or in a base64 token, replaced by {@value #REDACTED}. */
    String clean(String text) {
        if (!reveals(text)) {
            return text;
        }
        String plainGone = text.replace(secret, REDACTED);
        Matcher m = BASE64_TOKEN.matcher(plainGone);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, decodesToSecret(m.group()) ? REDACTED : Matcher.quoteReplacement(m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    private boolean decodesToSecret(String token) {
        // a token cut short (no padding) still decodes when its length is trimmed to whole 4-character groups
        List<String> candidates = new ArrayList<>(List.of(token));
        int whole = token.length() - token.length() % 4;
        if (whole != token.length() && whole >= 4) {
            candidates.add(token.substring(0, whole));
        }
        for (String candidate : candidates) {
            try {
                String decoded = new String(Base64.getDecoder().decode(candidate), StandardCharsets.UTF_8);
                if (decoded.contains(secret)) {
                    return true;
                }
            } catch (IllegalArgumentException notBase64) {
                // not every word of letters is base64
            }
        }
        return false;
    }
}
