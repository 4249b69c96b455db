package com.mailroom.sending.control;

import java.util.Locale;

/** Where an SMTP conversation ended: the step that failed, or {@link #DONE} when every step succeeded. */
public enum Stage {
    DNS, CONNECT, TLS, TOKEN, AUTH, MAIL_FROM, RCPT_TO, DATA, TIMEOUT, DONE;

    /** The value used in JSON ({@code mail_from}, {@code rcpt_to}, ...). */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
