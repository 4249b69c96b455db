package com.mailroom.errors;

/** 413: the request body is larger than the path allows, whether its declared length or what was read says so. */
public class BodyTooLarge extends MailroomException {

    public BodyTooLarge(int maxBytes) {
        super(413, "The request body is larger than " + maxBytes / 1024 + " KiB.");
    }
}
