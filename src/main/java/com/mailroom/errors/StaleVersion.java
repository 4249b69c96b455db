package com.mailroom.errors;

import com.mailroom.platform.Text;

/** 412: someone saved in between; the caller must reload and apply the change again. */
public class StaleVersion extends MailroomException {

    public StaleVersion(long current) {
        super(412, Text.of("error.staleVersion", current));
    }
}
