package com.mailroom.errors;

import java.util.List;

/** 409: the input clashes with what exists, such as a user name that is taken. */
public class Conflict extends MailroomException {

    public Conflict(String field, String message) {
        super(409, message, List.of(new FieldError(field, message)));
    }
}
