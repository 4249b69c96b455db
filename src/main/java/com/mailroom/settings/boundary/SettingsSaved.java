package com.mailroom.settings.boundary;

/** Fired when the SMTP settings were saved; observers act after the transaction committed. */
public record SettingsSaved(long version) {}
