package com.mailroom.errors;

import com.mailroom.platform.Text;
import java.util.List;

/** 409: the input clashes with what exists, such as a user name that is taken. */
public class Conflict extends MailroomException {

    public Conflict(String field, Text text) {
        super(409, text, List.of(new FieldError(field, text)));
    }
}
