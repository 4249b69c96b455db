package com.mailroom.settings.control;

import com.mailroom.errors.FieldError;
import com.mailroom.oauth.entity.ClientAuth;
import com.mailroom.platform.MailAddress;
import com.mailroom.sending.entity.AuthType;
import com.mailroom.settings.entity.SmtpConfig;
import java.io.ByteArrayInputStream;
import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The rules an SMTP settings form must pass before anything is stored or tested (docs/product.md R2–R4). Pure: every
 * broken
 * rule becomes a {@link FieldError} named by its JSON field, all of them at once.
 */
public final class SettingsRules {

    static final int MAX_HOST = 253;
    static final int MAX_USER_NAME = 320;
    static final int MAX_PASSWORD = 1024;
    static final int MAX_CLIENT_ID = 256;
    static final int MAX_CLIENT_SECRET = 4096;
    static final int MAX_URL = 2048;
    static final int MAX_SCOPES = 1024;
    static final int MAX_PEM = 65536;
    static final int MAX_MAILS_PER_MINUTE = 100_000;

    /** All control characters (C0 and C1) and the Unicode line and paragraph separators. */
    static final Pattern CONTROL = MailAddress.CONTROL;
    /** Invisible format characters (zero-width space, soft hyphen, BOM…) that IDN would silently drop. */
    private static final Pattern INVISIBLE = Pattern.compile("\\p{Cf}");

    private static final Pattern HOST_LABEL = Pattern.compile("^[A-Za-z0-9_]([A-Za-z0-9\\-_]{0,61}[A-Za-z0-9_])?$");
    private static final Pattern SPACES_AROUND = Pattern.compile("^[ \\p{Zs}]+|[ \\p{Zs}]+$");
    private static final Pattern MASK = Pattern.compile("^[*•●·]+$");
    /** RFC 6749 scope-token characters, separated by single spaces. */
    private static final Pattern SCOPES =
            Pattern.compile("^[\\x21\\x23-\\x5B\\x5D-\\x7E]+( [\\x21\\x23-\\x5B\\x5D-\\x7E]+)*$");

    private SettingsRules() {}

    /** Trims what an admin typed; blank optional text becomes "not set". Secrets are left exactly as given. */
    public static void normalize(SmtpConfig c) {
        c.setAddress(trimToNull(c.getAddress()));
        c.setFrom(trimToNull(c.getFrom()));
        c.setUserName(trimToNull(c.getUserName()));
        c.setClientId(trimToNull(c.getClientId()));
        c.setTokenEndpoint(trimToNull(c.getTokenEndpoint()));
        c.setScopes(c.getScopes() == null ? null : trimToNull(c.getScopes().replaceAll(" +", " ")));
        // a multi-line field: surrounding blank lines and indentation are not part of the certificate
        c.setTrustedCaPem(
                c.getTrustedCaPem() == null || c.getTrustedCaPem().isBlank()
                        ? null
                        : c.getTrustedCaPem().strip());
        if (c.getAddress() != null && c.getAddress().endsWith(".")) {
            c.setAddress(c.getAddress().substring(0, c.getAddress().length() - 1));
        }
    }

    public static List<FieldError> validate(SettingsForm form, boolean allowInsecureTokenUrl) {
        var errors = new ArrayList<FieldError>();
        SmtpConfig c = form.getConfig();
        boolean custom = !c.isDefaultSmtp();
        AuthType auth = c.getAuthType();

        checkHost(c.getAddress(), custom, errors);
        if (c.getPort() != null && (c.getPort() < 1 || c.getPort() > 65535)) {
            errors.add(FieldError.of("port", "field.port.range"));
        }
        if (c.getFrom() != null || custom) {
            if (!singleLine(c.getFrom(), "from", errors)) {
                var parsed = MailAddress.parse(c.getFrom());
                if (!parsed.valid()) {
                    errors.add(new FieldError("from", parsed.problem()));
                }
            }
        }
        boolean needsUser = custom && auth != AuthType.NONE;
        checkText(
                "user_name",
                c.getUserName(),
                MAX_USER_NAME,
                needsUser,
                auth == AuthType.OAUTH ? "field.user_name.required.oauth" : "field.user_name.required.basic",
                errors);
        checkSecret("password", form.getPassword(), MAX_PASSWORD, errors);
        checkSecret("client_secret", form.getClientSecret(), MAX_CLIENT_SECRET, errors);

        boolean oauth = custom && auth == AuthType.OAUTH;
        // a service account's key brings its client ID and token URL: the key is what is required then
        boolean typed = oauth && c.getOauthClientAuth() != ClientAuth.SERVICE_ACCOUNT;
        checkText("client_id", c.getClientId(), MAX_CLIENT_ID, typed, "field.client_id.required", errors);
        checkTokenEndpoint(c.getTokenEndpoint(), typed, allowInsecureTokenUrl, errors);
        if (c.getScopes() == null) {
            if (oauth) {
                errors.add(FieldError.of("scopes", "field.scopes.required"));
            }
        } else if (c.getScopes().length() > MAX_SCOPES) {
            errors.add(FieldError.of("scopes", "field.scopes.tooLong", MAX_SCOPES));
        } else if (!SCOPES.matcher(c.getScopes()).matches()) {
            errors.add(FieldError.of("scopes", "field.scopes.format"));
        }
        checkPem(c.getTrustedCaPem(), errors);
        Integer perMinute = c.getMaxMailsPerMinute();
        if (perMinute != null && (perMinute < 1 || perMinute > MAX_MAILS_PER_MINUTE)) {
            errors.add(FieldError.of("max_mails_per_minute", "field.max_mails_per_minute.range", MAX_MAILS_PER_MINUTE));
        }
        return errors;
    }

    private static void checkHost(String host, boolean required, List<FieldError> errors) {
        if (host == null) {
            if (required) {
                errors.add(FieldError.of("address", "field.address.required"));
            }
            return;
        }
        if (singleLine(host, "address", errors)) {
            return;
        }
        if (host.length() > MAX_HOST) {
            errors.add(FieldError.of("address", "field.address.tooLong", MAX_HOST));
        } else if (host.contains("://")
                || host.contains("/")
                || host.contains("?")
                || host.contains("#")
                || host.contains("@")) {
            errors.add(FieldError.of("address", "field.address.scheme"));
        } else if (INVISIBLE.matcher(host).find()) {
            errors.add(FieldError.of("address", "field.address.invisible"));
        } else if (host.contains(":") && !validIpv6(host)) {
            errors.add(FieldError.of("address", "field.address.port"));
        } else if (!host.contains(":") && !validHostName(host)) {
            errors.add(FieldError.of("address", "field.address.hostName", host));
        }
    }

    /** An IPv6 literal, with or without brackets; parsing a literal never asks DNS. */
    private static boolean validIpv6(String host) {
        boolean bracketed = host.startsWith("[") && host.endsWith("]");
        String literal = bracketed ? host.substring(1, host.length() - 1) : host;
        if (literal.isEmpty() || !literal.matches("[0-9A-Fa-f:.]+")) {
            return false;
        }
        try {
            InetAddress.getByName(literal); // an IPv4-mapped literal comes back as Inet4Address: fine too
            return true;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static boolean validHostName(String host) {
        String ascii;
        try {
            ascii = IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES);
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (String label : ascii.split("\\.", -1)) {
            if (!HOST_LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    private static void checkText(
            String field, String value, int max, boolean required, String requiredCode, List<FieldError> errors) {
        if (value == null) {
            if (required) {
                errors.add(FieldError.of(field, requiredCode));
            }
        } else if (!singleLine(value, field, errors) && value.length() > max) {
            errors.add(FieldError.of(field, "field.tooLong", max));
        }
    }

    private static void checkSecret(String field, String value, int max, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            return;
        }
        if (value.length() > max) {
            errors.add(FieldError.of(field, "field.tooLong", max));
        } else if (CONTROL.matcher(value).find()) {
            errors.add(FieldError.of(field, "field.control"));
        } else if (MASK.matcher(value).matches()) {
            errors.add(FieldError.of(field, "field.secret.mask"));
        }
    }

    private static void checkTokenEndpoint(
            String url, boolean required, boolean allowInsecure, List<FieldError> errors) {
        if (url == null) {
            if (required) {
                errors.add(FieldError.of("token_endpoint", "field.token_endpoint.required"));
            }
            return;
        }
        if (singleLine(url, "token_endpoint", errors)) {
            return;
        }
        if (url.length() > MAX_URL) {
            errors.add(FieldError.of("token_endpoint", "field.token_endpoint.tooLong", MAX_URL));
            return;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
                errors.add(FieldError.of("token_endpoint", "field.token_endpoint.absolute"));
            } else if (scheme.equals("http") && !allowInsecure) {
                errors.add(FieldError.of("token_endpoint", "field.token_endpoint.https"));
            } else if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
                errors.add(FieldError.of("token_endpoint", "field.token_endpoint.userOrFragment"));
            }
        } catch (URISyntaxException e) {
            errors.add(FieldError.of("token_endpoint", "field.token_endpoint.invalid"));
        }
    }

    private static void checkPem(String pem, List<FieldError> errors) {
        if (pem == null) {
            return;
        }
        if (pem.length() > MAX_PEM) {
            errors.add(FieldError.of("trusted_ca_pem", "field.trusted_ca_pem.tooLong", MAX_PEM));
        } else if (pem.contains("PRIVATE KEY")) {
            errors.add(FieldError.of("trusted_ca_pem", "field.trusted_ca_pem.privateKey"));
        } else if (!pem.contains("-----BEGIN CERTIFICATE-----")) {
            errors.add(FieldError.of("trusted_ca_pem", "field.trusted_ca_pem.notPem"));
        } else {
            try {
                var certificates = CertificateFactory.getInstance("X.509")
                        .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
                if (certificates.isEmpty()) {
                    errors.add(FieldError.of("trusted_ca_pem", "field.trusted_ca_pem.none"));
                }
            } catch (CertificateException e) {
                errors.add(FieldError.of("trusted_ca_pem", "field.trusted_ca_pem.unreadable"));
            }
        }
    }

    /** Adds an error and answers true when a one-line field holds a line break or another control character. */
    private static boolean singleLine(String value, String field, List<FieldError> errors) {
        if (value != null && CONTROL.matcher(value).find()) {
            errors.add(FieldError.of(field, "field.control"));
            return true;
        }
        return false;
    }

    private static String trimToNull(String s) {
        if (s == null) {
            return null;
        }
        // only spaces: a trailing CR/LF must reach validation and be refused, not be silently cut off
        String t = SPACES_AROUND.matcher(s).replaceAll("");
        return t.isEmpty() ? null : t;
    }
}
