package com.mailroom.delivery.control;

/** Fired when a mail is queued; observed after the commit to wake this node's workers at once. */
public record MailQueued(String id) {}
