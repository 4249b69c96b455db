package com.mailroom.delivery.entity;

import com.mailroom.platform.WireEnum;

/** Why the application sends a mail (docs/api.md "Mail"), kept for the admin's view and as a header for filtering. */
public enum Category implements WireEnum {
    NEW_USER,
    PASSWORD_RESET,
    ADMIN_NOTIFICATION,
    CONTENT_DELIVERY;
}
