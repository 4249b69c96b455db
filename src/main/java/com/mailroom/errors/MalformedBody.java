package com.mailroom.errors;

import com.mailroom.platform.Text;

/** 400: the request body is empty where one is required, is not JSON, or is not one JSON object. */
public class MalformedBody extends MailroomException {

    public MalformedBody(Text text) {
        super(400, text);
    }
}
