package com.mailroom.delivery.control;

import com.mailroom.settings.boundary.SettingsSaved;
import com.mailroom.status.boundary.SmtpStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Delivery outcomes feed this node's SMTP status: a failure caused by the settings (DNS, connect, TLS, token, auth,
 * timeout, a refused sender) marks it invalid with the reason; the next delivery that gets through clears it.
 * Successes are written only when they change something (or every {@value #REFRESH_MS} ms), so a busy outbox
 * does not write the status row per batch.
 */
@ApplicationScoped
public class StatusFeed {

    static final long REFRESH_MS = 60_000;

    @Inject
    SmtpStatus status;

    private volatile Boolean lastValid;
    private volatile long lastValidAt;

    /** A save may have marked the status either way (background check): the next outcome is written for sure. */
    void settingsSaved(@Observes(during = TransactionPhase.AFTER_SUCCESS) SettingsSaved saved) {
        lastValid = null;
    }

    public void delivered(List<SendOutcome> outcomes, OffsetDateTime at) {
        var problem = outcomes.stream().filter(SendOutcome::settingsProblem).findFirst();
        if (problem.isPresent()) {
            status.record(false, "SMTP delivery failed at " + problem.get().describe(), at);
            lastValid = false;
            return;
        }
        boolean anySent = outcomes.stream().anyMatch(o -> o.kind() == SendOutcome.Kind.SENT);
        long nowMs = System.currentTimeMillis();
        if (anySent && (!Boolean.TRUE.equals(lastValid) || nowMs - lastValidAt > REFRESH_MS)) {
            status.record(true, null, at);
            lastValid = true;
            lastValidAt = nowMs;
        }
    }
}
