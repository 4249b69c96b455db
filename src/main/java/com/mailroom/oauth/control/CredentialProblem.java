package com.mailroom.oauth.control;

/**
 * Key material that cannot be used: unreadable PEM, a key that does not belong to its certificate, an expired
 * certificate, a JSON key of the wrong type. The code names a sentence in the messages bundle; the text never quotes
 * the material itself.
 */
public class CredentialProblem extends Exception {

    private static final long serialVersionUID = 1L;

    private final String code;
    private final transient Object[] arguments;

    CredentialProblem(String code, Object... arguments) {
        super(code, null, false, false);
        this.code = code;
        this.arguments = arguments.clone();
    }

    public String code() {
        return code;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
