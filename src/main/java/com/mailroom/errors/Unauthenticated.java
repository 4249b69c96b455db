package com.mailroom.errors;

import com.mailroom.platform.Text;

/** 401: credentials are missing or wrong. The message never says which part was wrong. */
public class Unauthenticated extends MailroomException {

    public Unauthenticated() {
        super(401, Text.of("error.unauthenticated"));
    }
}
