package com.mailroom.oauth.control;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Short, actionable English hints for failed token requests. Microsoft Entra ID answers most failures with the
 * generic OAuth codes ({@code invalid_client}, {@code invalid_request}) and puts the real reason in an
 * {@code AADSTSnnnn} code inside the description, so that code is checked first.
 */
final class TokenHints {

    static final String BAD_SECRET = "The client secret is wrong or expired: create a new one in Entra ID and enter"
            + " it again.";
    static final String UNKNOWN_CLIENT = "The client ID is not known in this tenant: check the Client ID (the app's"
            + " Application (client) ID) and that the app is registered in the tenant named in the Token URL.";
    static final String UNKNOWN_TENANT = "The tenant was not found: check the tenant ID or domain in the Token URL"
            + " (https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token).";
    static final String BAD_SCOPE = "The scope is not valid for this app: check Scopes; for Microsoft 365 use"
            + " https://outlook.office365.com/.default";
    static final String UNAUTHORIZED_CLIENT = "The app may not use the client-credentials grant: allow it for the"
            + " app at the provider (for Entra ID: a confidential app with a client secret and admin consent).";
    static final String INVALID_CLIENT = "The provider did not accept the client: check the Client ID and the"
            + " client secret.";
    static final String GRANT = "The provider does not accept the client-credentials grant here: check the Token URL.";
    static final String OTHER_ERROR = "The provider refused the token request: check the Token URL, Client ID,"
            + " client secret and Scopes.";
    static final String NOT_A_TOKEN_ENDPOINT = "The Token URL did not answer like an OAuth 2.0 token endpoint: check"
            + " the Token URL (for Microsoft 365: https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token).";
    static final String PROVIDER_DOWN = "The token endpoint had a server error: try again later; if it persists,"
            + " check the Token URL and the provider's status.";
    static final String REFUSED = "Nothing accepted the connection to the Token URL: check the Token URL and the"
            + " firewall (outgoing HTTPS).";
    static final String TIMEOUT = "The token endpoint did not answer in time: check the Token URL and the firewall"
            + " (outgoing HTTPS), or raise the timeouts.";
    static final String DNS = "The Token URL's host name cannot be resolved: check the Token URL (DNS).";
    static final String TLS = "The TLS connection to the Token URL failed: check the Token URL; the server's"
            + " certificate must be trusted by the Java runtime.";

    private static final Pattern AADSTS = Pattern.compile("\\bAADSTS(\\d+)\\b");

    private TokenHints() {
    }

    /** For an OAuth 2.0 error answer. */
    static String forError(String error, String description) {
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
