package com.mailroom.settings.boundary;

import com.mailroom.status.boundary.StatusView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready} reports the SMTP status (docs/api.md): DOWN while a node's last check, test or delivery failed.
 * Only UP or DOWN: the health endpoints answer anyone, and the details — host, port, the remote server's reply (once
 * an SSH banner of an internal host) — are for admins, in {@code GET /api/v1/smtp/status} and on the SMTP page.
 * Decision: it is a readiness check as the spec asks; operators whose load balancer routes by
 * readiness should route by {@code /health/live} instead, or admins could not reach the page to fix the settings.
 */
@Readiness
@ApplicationScoped
public class SmtpReadiness implements HealthCheck {

    @Inject
    SmtpSettingsAdmin settings;

    @Override
    public HealthCheckResponse call() {
        StatusView view = settings.status();
        return HealthCheckResponse.named("smtp").status(view.isValid()).build();
    }
}
