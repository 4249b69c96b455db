package com.mailroom.errors;

import com.mailroom.platform.Text;
import java.util.List;

/** 409: the input clashes with what exists, such as a user name that is taken, or the last admin's removal. */
public class Conflict extends MailroomException {

    /** A clash that no one field of the input causes. */
    public Conflict(Text text) {
        super(409, text);
    }

    public Conflict(String field, Text text) {
        super(409, text, List.of(new FieldError(field, text)));
    }
}
