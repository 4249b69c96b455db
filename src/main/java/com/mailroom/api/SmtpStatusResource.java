package com.mailroom.api;

import com.mailroom.settings.boundary.SmtpSettingsAdmin;
import com.mailroom.status.boundary.StatusView;
import com.mailroom.users.boundary.Users;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/v1/smtp/status} (docs/api.md); the 4.0 shape is in {@link LegacyApiResource}. */
@RolesAllowed(Users.ADMIN)
@Path("v1/smtp/status")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "SMTP")
public class SmtpStatusResource {

    @Inject
    SmtpSettingsAdmin settings;

    @GET
    @Operation(summary = "The SMTP status of every node: whether sending works, and why not")
    @APIResponse(responseCode = "default", description = "The status")
    public StatusView status() {
        return settings.status();
    }
}
