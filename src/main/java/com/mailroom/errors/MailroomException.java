package com.mailroom.errors;

import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * The one family of business exceptions. Each carries the HTTP status of the spec's error shape, so the REST
 * mapper and the Faces beans turn it into an answer without knowing the subtype. {@code rollback = true}: a
 * caller of an EJB gets this type, not an {@code EJBException}, and nothing is half-stored.
 */
@ApplicationException(rollback = true)
public class MailroomException extends RuntimeException {

    private final int status;
    private final transient List<FieldError> errors;

    public MailroomException(int status, String message, List<FieldError> errors) {
        super(message, null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public MailroomException(int status, String message) {
        this(status, message, List.of());
    }

    public int status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
