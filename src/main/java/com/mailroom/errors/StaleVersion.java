package com.mailroom.errors;

/** 412: someone saved in between; the caller must reload and apply the change again. */
public class StaleVersion extends MailroomException {

    public StaleVersion(long current) {
        super(412, "The settings were changed by someone else (now version " + current + "). Reload them and try again.");
    }
}
