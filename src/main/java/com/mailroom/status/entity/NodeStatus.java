package com.mailroom.status.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** Whether mail works from one node, and if not, why: the last check, test or delivery decides. */
@Entity
@Table(name = "node_status")
public class NodeStatus {

    public static final int MAX_MESSAGE = 2000;

    @Id
    private String hostname;

    @Column(name = "is_valid")
    private boolean valid;

    private String message;

    @Column(name = "checked_at")
    private OffsetDateTime checkedAt;

    @Column(name = "settings_version")
    private Long settingsVersion;

    protected NodeStatus() {}

    public NodeStatus(String hostname) {
        this.hostname = hostname;
    }

    public void update(boolean valid, String message, OffsetDateTime checkedAt) {
        update(valid, message, checkedAt, null);
    }

    /**
     * @param settingsVersion the version of the settings this outcome checked; null (a delivery, which does not say)
     *                        keeps the one recorded before
     */
    public void update(boolean valid, String message, OffsetDateTime checkedAt, Long settingsVersion) {
        if (settingsVersion != null) {
            this.settingsVersion = settingsVersion;
        }
        this.valid = valid;
        this.message = message == null || message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE);
        this.checkedAt = checkedAt;
    }

    /** Whether an outcome from {@code at} is newer than this one (a slow old check must not overwrite it). */
    public boolean isOlderThan(OffsetDateTime at) {
        return checkedAt == null || !checkedAt.isAfter(at);
    }

    public String getHostname() {
        return hostname;
    }

    public boolean isValid() {
        return valid;
    }

    public String getMessage() {
        return message;
    }

    public OffsetDateTime getCheckedAt() {
        return checkedAt;
    }

    /** The settings version the last check or test of saved settings looked at, null when none did. */
    public Long getSettingsVersion() {
        return settingsVersion;
    }
}
