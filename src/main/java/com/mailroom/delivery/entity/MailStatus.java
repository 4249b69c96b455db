package com.mailroom.delivery.entity;

import com.mailroom.platform.WireEnum;

/** Where a mail is on its way: queued → sending → sent, or → retrying → … → sent or failed. */
public enum MailStatus implements WireEnum {
    QUEUED,
    SENDING,
    SENT,
    RETRYING,
    FAILED;
}
