/**
 * The business exceptions of Mailroom, one family under {@link com.mailroom.errors.MailroomException}.
 * Each knows its HTTP status and the fields it concerns, and says what went wrong as a
 * {@link com.mailroom.platform.Text}; {@code api} maps them to the spec's error shape
 * ({@code {"message", "errors": [{"field", "message"}]}}) in English, the Faces beans to messages per input in the
 * page's language.
 */
package com.mailroom.errors;
