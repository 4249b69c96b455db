package com.mailroom.errors;

/** 404 in the spec's error shape. */
public class NotFound extends MailroomException {

    public NotFound(String message) {
        super(404, message);
    }
}
