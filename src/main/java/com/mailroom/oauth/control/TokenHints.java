package com.mailroom.oauth.control;

import com.mailroom.oauth.entity.ClientAuth;
import com.mailroom.platform.Text;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short, actionable hints for failed token requests (the sentences are in the messages bundle). Microsoft Entra ID
 * answers most failures with the generic OAuth codes ({@code invalid_client}, {@code invalid_request}) and puts the
 * real reason in an {@code AADSTSnnnn} code inside the description, so that code is checked first.
 */
final class TokenHints {

    static final Text BAD_SECRET = Text.of("hint.token.badSecret");
    static final Text UNKNOWN_CLIENT = Text.of("hint.token.unknownClient");
    static final Text UNKNOWN_TENANT = Text.of("hint.token.unknownTenant");
    static final Text BAD_SCOPE = Text.of("hint.token.badScope");
    static final Text UNAUTHORIZED_CLIENT = Text.of("hint.token.unauthorizedClient");
    static final Text INVALID_CLIENT = Text.of("hint.token.invalidClient");
    static final Text GRANT = Text.of("hint.token.grant");
    static final Text CERTIFICATE_NOT_REGISTERED = Text.of("hint.token.certificateNotRegistered");
    static final Text ASSERTION_TIME = Text.of("hint.token.assertionTime");
    static final Text ASSERTION_INVALID = Text.of("hint.token.assertionInvalid");
    static final Text DELEGATION = Text.of("hint.token.delegation");
    static final Text SERVICE_ACCOUNT_KEY = Text.of("hint.token.serviceAccountKey");
    static final Text MAILBOX = Text.of("hint.token.mailbox");
    static final Text OTHER_ERROR = Text.of("hint.token.otherError");
    static final Text NOT_A_TOKEN_ENDPOINT = Text.of("hint.token.notATokenEndpoint");
    static final Text PROVIDER_DOWN = Text.of("hint.token.providerDown");
    static final Text REFUSED = Text.of("hint.token.refused");
    static final Text TIMEOUT = Text.of("hint.token.timeout");
    static final Text DNS = Text.of("hint.token.dns");
    static final Text TLS = Text.of("hint.token.tls");

    private static final Pattern AADSTS = Pattern.compile("\\bAADSTS(\\d+)\\b");

    private TokenHints() {}

    /** For an OAuth 2.0 error answer to a request made with this kind of credential. */
    static Text forError(String error, String description, ClientAuth kind) {
        String code = aadsts(description);
        switch (code) {
            case "7000215", "7000222" -> {
                return BAD_SECRET;
            }
            case "700016" -> {
                return UNKNOWN_CLIENT;
            }
            case "90002", "900023" -> {
                return UNKNOWN_TENANT;
            }
            case "70011", "1002012" -> {
                return BAD_SCOPE;
            }
            case "700027", "700023" -> {
                return CERTIFICATE_NOT_REGISTERED;
            }
            case "700024", "700025" -> {
                return ASSERTION_TIME;
            }
            case "50027", "50013", "700021" -> {
                return ASSERTION_INVALID;
            }
            default -> {
                // Google's answers, then the generic OAuth codes below
            }
        }
        String lowerError = error == null ? "" : error.toLowerCase(Locale.ROOT);
        String lowerText = description == null ? "" : description.toLowerCase(Locale.ROOT);
        if (kind == ClientAuth.SERVICE_ACCOUNT) {
            if (lowerError.equals("unauthorized_client")) {
                return DELEGATION;
            }
            if (lowerText.contains("invalid jwt signature") || lowerText.contains("account not found")) {
                return SERVICE_ACCOUNT_KEY;
            }
            if (lowerText.contains("iat and exp") || lowerText.contains("short-lived")) {
                return ASSERTION_TIME;
            }
            if (lowerText.contains("invalid email or user id")) {
                return MAILBOX;
            }
        }
        return switch (lowerError) {
            case "invalid_scope" -> BAD_SCOPE;
            case "unauthorized_client" -> UNAUTHORIZED_CLIENT;
            case "invalid_client" -> kind == ClientAuth.CLIENT_SECRET ? INVALID_CLIENT : ASSERTION_INVALID;
            case "unsupported_grant_type", "invalid_grant" -> GRANT;
            default -> OTHER_ERROR;
        };
    }

    /** The digits of the first {@code AADSTSnnnn} code in the text, or "" when there is none. */
    private static String aadsts(String description) {
        Matcher m = AADSTS.matcher(description == null ? "" : description);
        return m.find() ? m.group(1) : "";
    }
}
