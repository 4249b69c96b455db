/**
 * Talking to the configured SMTP server: building Jakarta Mail sessions and proving that a configuration works.
 * <p>
 * {@link com.mailroom.sending.control.MailSessions} turns a {@link com.mailroom.sending.control.SmtpTarget} into a
 * {@code Session}; {@link com.mailroom.sending.control.SmtpProbe} runs the test mail ({@code send}) or the
 * background check ({@code check}) and returns a {@link com.mailroom.sending.control.ProbeResult} that says where
 * it failed, with the server's reply, a hint and a redacted transcript; {@link
 * com.mailroom.sending.control.SmtpConnection}
 * opens every connection (the probe's and the delivery batches') the same way. All plain Java, unit-tested against
 * real SMTP servers on loopback, knowing nothing of settings or OAuth: where mail goes and with which token is the
 * settings component's business.
 * <p>
 * Decisions:
 * <ul>
 * <li>A fresh {@code Session.getInstance(props)} per call, never the shared default session; only the {@code smtp}
 *     transport, implicit TLS via {@code mail.smtp.ssl.enable}.</li>
 * <li>Connect, read and write timeouts always set; STARTTLS is enabled <em>and</em> required (no clear-text
 *     fall-back); certificates always verified including the host name; a pasted CA is added to the JDK's CAs in a
 *     per-session socket factory (no global trust store change, never trust-all).</li>
 * <li>Basic auth tries PLAIN then LOGIN (or the one chosen); OAuth uses SASL XOAUTH2 with the access token. If the
 *     server offers no AUTH, Jakarta Mail would silently go on unauthenticated: the probe fails at stage auth.</li>
 * <li>The transcript comes from the session's own debug stream, with Angus's auth tracing left off (so credentials
 *     never reach it), AUTH lines rebuilt as {@code <redacted>}, message content dropped, and every line checked for
 *     the secret and its base64 forms as a last defence. Bounded to 200 lines of 500 characters.</li>
 * <li>SMTP and network failures never throw: the stage comes from the exception (timeouts first, then DNS, TLS,
 *     connect, AUTH, the rejected command) and, failing that, from the last command in the transcript.</li>
 * </ul>
 */
package com.mailroom.sending.control;
