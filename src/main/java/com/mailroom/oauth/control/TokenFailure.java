package com.mailroom.oauth.control;

/**
 * No access token could be had: the token endpoint said no (an OAuth 2.0 error answer), answered something that is
 * not a token, or could not be reached in time. Every text in it is safe to show and to log: it never contains the
 * client secret or a token.
 */
public class TokenFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final Integer httpStatus;
    private final String error;
    private final String description;
    private final String hint;

    /**
     * @param httpStatus  the endpoint's HTTP status, null when there was no answer
     * @param error       the OAuth 2.0 {@code error} code, null when the answer had none
     * @param description what went wrong: the provider's {@code error_description} or Mailroom's own words
     * @param hint        what an admin can do about it
     */
    TokenFailure(Integer httpStatus, String error, String description, String hint, Throwable cause) {
        super(summary(httpStatus, error, description), cause);
        this.httpStatus = httpStatus;
        this.error = error;
        this.description = description;
        this.hint = hint;
    }

    /** {@code <http status> <error>: <description>}, leaving out what is unknown. */
    private static String summary(Integer httpStatus, String error, String description) {
        StringBuilder s = new StringBuilder();
        if (httpStatus != null) {
            s.append(httpStatus);
        }
        if (error != null) {
            s.append(s.isEmpty() ? "" : " ").append(error);
        }
        if (description != null) {
            s.append(s.isEmpty() ? "" : ": ").append(description);
        }
        return s.toString();
    }

    public Integer httpStatus() {
        return httpStatus;
    }

    public String error() {
        return error;
    }

    public String description() {
        return description;
    }

    public String hint() {
        return hint;
    }
}
