package com.mailroom.errors;

import com.mailroom.platform.Text;

/** 404 in the spec's error shape. */
public class NotFound extends MailroomException {

    public NotFound(Text text) {
        super(404, text);
    }
}
