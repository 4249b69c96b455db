package com.mailroom.oauth.control;

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
    static final Text OTHER_ERROR = Text.of("hint.token.otherError");
    static final Text NOT_A_TOKEN_ENDPOINT = Text.of("hint.token.notATokenEndpoint");
    static final Text PROVIDER_DOWN = Text.of("hint.token.providerDown");
    static final Text REFUSED = Text.of("hint.token.refused");
    static final Text TIMEOUT = Text.of("hint.token.timeout");
    static final Text DNS = Text.of("hint.token.dns");
    static final Text TLS = Text.of("hint.token.tls");

    private static final Pattern AADSTS = Pattern.compile("\\bAADSTS(\\d+)\\b");

    private TokenHints() {}

    /** For an OAuth 2.0 error answer. */
    static Text forError(String error, String description) {
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
            default -> {
                // the generic OAuth codes below
            }
        }
        return switch (error == null ? "" : error.toLowerCase(Locale.ROOT)) {
            case "invalid_scope" -> BAD_SCOPE;
            case "unauthorized_client" -> UNAUTHORIZED_CLIENT;
            case "invalid_client" -> INVALID_CLIENT;
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
