package com.mailroom.sending.control;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Whether a server's reply means "send more slowly" (throttling) rather than "this mail failed": a 4xx with the
 * enhanced status 4.7.x on 421 or 451 (Exchange Online's and Gmail's {@code 421 4.7.0}, {@code 451 4.7.500}), or any
 * 4xx that says so ({@code 454 4.7.0 Throttling}, {@code 450 4.4.2 Message submission rate … exceeded}, "too many
 * messages"). Not: 5xx (final), {@code 421 4.7.66} (TLS 1.0/1.1 refused, a settings problem), {@code 452 4.5.3} (too
 * many recipients in this mail).
 */
public final class SlowDown {

    private static final Pattern POLICY = Pattern.compile("(^|\\s)4\\.7\\.\\d{1,3}\\b");
    private static final Pattern SAYS_SO = Pattern.compile(
            "throttl|\\brate\\b|rate[- ]?limit|too many (?!recipients)|limit exceeded|exceeded the (configured )?limit");

    private SlowDown() {}

    /** @param reply the server's reply line(s), with or without the code in front */
    public static boolean means(Integer code, String reply) {
        if (code == null || code < 400 || code >= 500 || reply == null) {
            return false;
        }
        String t = reply.toLowerCase(Locale.ROOT);
        if (Hints.isTlsVersion(t) || t.contains("4.5.3")) {
            return false;
        }
        return ((code == 421 || code == 451) && POLICY.matcher(t).find())
                || SAYS_SO.matcher(t).find();
    }
}
