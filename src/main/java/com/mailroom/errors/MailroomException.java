package com.mailroom.errors;

import com.mailroom.platform.Text;
import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * The one family of business exceptions. Each carries the HTTP status of the spec's error shape, so the REST
 * mapper and the Faces beans turn it into an answer without knowing the subtype. {@code rollback = true}: a
 * caller of an EJB gets this type, not an {@code EJBException}, and nothing is half-stored. The message is a
 * {@link Text}: {@link #getMessage()} is its English (the API's and the log's), a page shows {@link #text()} in
 * its own language.
 */
@ApplicationException(rollback = true)
public class MailroomException extends RuntimeException {

    private final int status;
    private final transient Text text;
    private final transient List<FieldError> errors;

    public MailroomException(int status, Text text, List<FieldError> errors) {
        super(text.english(), null, false, false);
        this.status = status;
        this.text = text;
        this.errors = List.copyOf(errors);
    }

    public MailroomException(int status, Text text) {
        this(status, text, List.of());
    }

    public int status() {
        return status;
    }

    public Text text() {
        return text;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
