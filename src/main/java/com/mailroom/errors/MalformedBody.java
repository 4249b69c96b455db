package com.mailroom.errors;

/** 400: the request body is empty where one is required, is not JSON, or is not one JSON object. */
public class MalformedBody extends MailroomException {

    public MalformedBody(String message) {
        super(400, message);
    }
}
