package com.mailroom.api;

import com.mailroom.status.boundary.SmtpStatus;
import com.mailroom.status.boundary.StatusView;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/v1/smtp/status} (SPEC §4); the 4.0 shape is in {@link LegacyApiResource}. */
@Path("v1/smtp/status")
@Produces(MediaType.APPLICATION_JSON)
public class SmtpStatusResource {

    @Inject
    SmtpStatus status;

    @GET
    public StatusView status() {
        return status.view();
    }
}
