package com.mailroom.errors;

/** 401: credentials are missing or wrong. The message never says which part was wrong. */
public class Unauthenticated extends MailroomException {

    public Unauthenticated() {
        super(401, "Authentication required: use HTTP Basic or a bearer token from POST /api/4.0/login.");
    }
}
