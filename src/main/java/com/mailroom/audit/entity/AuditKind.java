package com.mailroom.audit.entity;

import com.mailroom.platform.WireEnum;

/** What happened, as written in the audit trail, the API ({@code login_failed}) and the Audit page's filter. */
public enum AuditKind implements WireEnum {
    LOGIN_SUCCEEDED,
    LOGIN_FAILED,
    LOGIN_LOCKED,
    SETTINGS_SAVED,
    SETTINGS_TESTED,
    USER_CREATED,
    USER_CHANGED,
    USER_REMOVED,
    USER_UNLOCKED,
    CREDENTIAL_CREATED,
    CREDENTIAL_REVOKED,
    MAIL_RESENT,
    MAIL_REMOVED
}
