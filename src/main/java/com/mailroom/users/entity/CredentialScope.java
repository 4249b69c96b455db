package com.mailroom.users.entity;

import com.mailroom.platform.WireEnum;

/** What an API credential's bearer tokens may do (docs/api.md "Scopes"). */
public enum CredentialScope implements WireEnum {
    /** Queue mail ({@code POST /api/v1/mail}, {@code POST /api/v1/mail/batch}) and read the mails it queued ({@code GET /api/v1/mail/{id}}). */
    SEND_MAIL,
    /** Whatever its user may do, while the user is an admin. */
    ADMIN
}
