package com.mailroom.status.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * {@code /health/ready} reports the SMTP status (SPEC §4): DOWN while a node's last check, test or delivery failed,
 * with the message. Decision: it is a readiness check as the spec asks; operators whose load balancer routes by
 * readiness should route by {@code /health/live} instead, or admins could not reach the page to fix the settings.
 */
@Readiness
@ApplicationScoped
public class SmtpReadiness implements HealthCheck {

    @Inject
    SmtpStatus status;

    @Override
    public HealthCheckResponse call() {
        StatusView view = status.view();
        var response = HealthCheckResponse.named("smtp").status(view.isValid()).withData("mode", view.mode())
                .withData("node_count", view.nodeCount());
        view.firstProblem().ifPresent(p -> response.withData("node", p.hostname()).withData("message", p.message()));
        return response.build();
    }
}
