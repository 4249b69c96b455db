package com.mailroom.platform;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The From setting: {@code Display Name <email@address.com>} or a bare {@code email@address.com} (docs/product.md R4).
 * Special characters are refused rather than quoted, as the manual asks; we allow the few that real names and
 * company names need ({@code . - '}) because they cannot change the header's structure once the display name is
 * MIME-encoded. Quotes, commas, semicolons, parentheses, backslashes, angle brackets and {@code @} in the name
 * are refused.
 */
public record MailAddress(String displayName, String address) {

    public static final int MAX_LENGTH = 320;

    /** Line breaks and other control characters: never in a header (no header injection). */
    public static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\u2028\\u2029]");

    private static final Pattern WITH_NAME = Pattern.compile("^(.*?)\\s*<([^<>]*)>$");
    private static final Pattern NAME = Pattern.compile("^[\\p{L}\\p{M}\\p{N}][\\p{L}\\p{M}\\p{N} .'\\-]*$");
    private static final Pattern LOCAL_PART = Pattern.compile("^[A-Za-z0-9_%+\\-]+(\\.[A-Za-z0-9_%+\\-]+)*$");
    private static final Pattern DOMAIN_LABEL = Pattern.compile("^[A-Za-z0-9]([A-Za-z0-9\\-]{0,61}[A-Za-z0-9])?$");

    /** Parses the From setting; the failure is a sentence an admin can act on. */
    public static Result parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Result.failure(Text.of("address.from.required"));
        }
        if (CONTROL.matcher(raw).find()) {
            return Result.failure(Text.of("address.from.control"));
        }
        String value = raw.strip();
        if (value.length() > MAX_LENGTH) {
            return Result.failure(Text.of("address.from.tooLong", MAX_LENGTH));
        }
        var withName = WITH_NAME.matcher(value);
        if (withName.matches()) {
            String name = withName.group(1).strip().replaceAll("\\s+", " ");
            Optional<Text> addressProblem = addressProblem(withName.group(2).strip());
            if (addressProblem.isPresent()) {
                return Result.failure(addressProblem.get());
            }
            if (name.isEmpty()) {
                return Result.ok(new MailAddress(null, withName.group(2).strip()));
            }
            if (!NAME.matcher(name).matches()) {
                return Result.failure(Text.of("address.from.displayName"));
            }
            return Result.ok(new MailAddress(name, withName.group(2).strip()));
        }
        if (value.contains("<") || value.contains(">")) {
            return Result.failure(Text.of("address.from.brackets"));
        }
        return addressProblem(value).map(Result::failure).orElseGet(() -> Result.ok(new MailAddress(null, value)));
    }

    /** A plain e-mail address as Mailroom accepts it anywhere (From, recipients, admin e-mail). */
    public static Optional<Text> addressProblem(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1 || address.indexOf('@') != at) {
            return Optional.of(Text.of("address.notAnAddress", printable(address)));
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (local.length() > 64 || !LOCAL_PART.matcher(local).matches()) {
            return Optional.of(Text.of("address.localPart"));
        }
        if (domain.length() > 253 || !domain.contains(".") && !"localhost".equalsIgnoreCase(domain)) {
            return Optional.of(Text.of("address.domain.full"));
        }
        for (String label : domain.split("\\.", -1)) {
            if (!DOMAIN_LABEL.matcher(label).matches()) {
                return Optional.of(Text.of("address.domain.characters"));
            }
        }
        return Optional.empty();
    }

    /** The canonical text stored and shown. */
    public String formatted() {
        return displayName == null ? address : displayName + " <" + address + ">";
    }

    private static String printable(String s) {
        String cut = s.length() > 60 ? s.substring(0, 60) + "…" : s;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    /** Either a parsed address or the reason it was refused. */
    public record Result(MailAddress value, Text problem) {
        static Result ok(MailAddress value) {
            return new Result(value, null);
        }

        static Result failure(Text problem) {
            return new Result(null, problem);
        }

        public boolean valid() {
            return value != null;
        }
    }
}
