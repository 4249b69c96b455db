package com.mailroom.status.boundary;

import java.io.Serializable;
import java.time.Instant;

/**
 * One node's answer about the settings in use, for Admin › SMTP: {@link State#CHECKING} until the node has checked
 * the current settings version (after a save, every node checks again in the background), then valid or not.
 *
 * @param checkedAt when the node last checked, null while it never has
 * @param message   why mail cannot be sent; null unless {@link State#INVALID}
 */
public record NodeCheck(String hostname, State state, String message, Instant checkedAt) implements Serializable {

    public enum State {
        CHECKING,
        VALID,
        INVALID
    }

    /**
     * What a node's recorded status says about the settings version in use.
     *
     * @param checkedVersion the version the node's last check looked at, null when it has not checked
     * @param valid          the node's last outcome, null when it has recorded none
     */
    public static NodeCheck of(
            String hostname, Boolean valid, String message, Instant checkedAt, Long checkedVersion, long current) {
        if (valid == null || checkedVersion == null || checkedVersion != current) {
            return new NodeCheck(hostname, State.CHECKING, null, checkedAt);
        }
        return new NodeCheck(hostname, valid ? State.VALID : State.INVALID, valid ? null : message, checkedAt);
    }

    public boolean isChecking() {
        return state == State.CHECKING;
    }

    public boolean isInvalid() {
        return state == State.INVALID;
    }
}
