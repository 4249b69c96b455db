package com.mailroom.sending.control;

import java.util.Locale;

/** Where an SMTP conversation ended: the step that failed, or {@link #DONE} when every step succeeded. */
public enum Stage {
    DNS,
    CONNECT,
    TLS,
    TOKEN,
    AUTH,
    MAIL_FROM,
    RCPT_TO,
    DATA,
    TIMEOUT,
    DONE;

    /** The value used in JSON ({@code mail_from}, {@code rcpt_to}, ...). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether an outcome at this stage says something about the settings (and so belongs in the SMTP status): a
     * success, or a failure before the server judged the message. A refused recipient or message does not make
     * the settings wrong.
     */
    public boolean describesSettings() {
        return this != RCPT_TO && this != DATA;
    }

    /** 535 at AUTH: the server refused the credentials — for OAuth 2.0 the access token (revoked, or expired early). */
    public static boolean rejectsLogin(Stage stage, Integer smtpCode) {
        return stage == AUTH && Integer.valueOf(535).equals(smtpCode);
    }
}
