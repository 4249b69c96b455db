package com.mailroom.oauth.control;

import com.mailroom.platform.Text;

/**
 * No access token could be had: the token endpoint said no (an OAuth 2.0 error answer), answered something that is
 * not a token, or could not be reached in time. Every text in it is safe to show and to log: it never contains the
 * client secret or a token.
 */
public class TokenFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final Integer httpStatus;
    private final String error;
    private final transient Text description;
    private final transient Text hint;
    private final transient Text text;

    /**
     * @param httpStatus  the endpoint's HTTP status, null when there was no answer
     * @param error       the OAuth 2.0 {@code error} code, null when the answer had none
     * @param description what went wrong: the provider's {@code error_description} (verbatim) or Mailroom's own words
     * @param hint        what an admin can do about it
     */
    TokenFailure(Integer httpStatus, String error, Text description, Text hint, Throwable cause) {
        this(httpStatus, error, description, hint, summary(httpStatus, error, description), cause);
    }

    private TokenFailure(Integer httpStatus, String error, Text description, Text hint, Text text, Throwable cause) {
        super(text.english(), cause);
        this.httpStatus = httpStatus;
        this.error = error;
        this.description = description;
        this.hint = hint;
        this.text = text;
    }

    /** {@code <http status> <error>: <description>}, leaving out what is unknown. */
    private static Text summary(Integer httpStatus, String error, Text description) {
        StringBuilder answer = new StringBuilder();
        if (httpStatus != null) {
            answer.append(httpStatus);
        }
        if (error != null) {
            answer.append(answer.isEmpty() ? "" : " ").append(error);
        }
        if (description == null || answer.isEmpty()) {
            return description == null ? Text.verbatim(answer.toString()) : description;
        }
        return Text.of("failure.token.answer", answer, description);
    }

    public Integer httpStatus() {
        return httpStatus;
    }

    public String error() {
        return error;
    }

    public Text description() {
        return description;
    }

    public Text hint() {
        return hint;
    }

    /** The whole failure, as {@link #getMessage()} says it in English. */
    public Text text() {
        return text;
    }
}
