package com.mailroom.errors;

import com.mailroom.platform.Text;

/** 413: the request body is larger than the path allows, whether its declared length or what was read says so. */
public class BodyTooLarge extends MailroomException {

    public BodyTooLarge(int maxBytes) {
        super(413, Text.of("error.bodyTooLarge", maxBytes / 1024));
    }
}
