/**
 * The business exceptions of Mailroom, one family under {@link com.mailroom.errors.MailroomException}.
 * Each knows its HTTP status and the fields it concerns; {@code api} maps them to the spec's error shape
 * ({@code {"message", "errors": [{"field", "message"}]}}) and the Faces beans to messages per input.
 */
package com.mailroom.errors;
