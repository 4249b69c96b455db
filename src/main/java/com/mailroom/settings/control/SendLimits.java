package com.mailroom.settings.control;

/**
 * What the settings say about the pace of sending: at most {@code perMinute} mails a minute (null: no limit), to
 * {@code server} (host:port; null when the settings name none), whose "slow down" replies delivery honours.
 */
public record SendLimits(Integer perMinute, String server) {}
