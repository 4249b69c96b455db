package com.mailroom.api;

import com.mailroom.audit.boundary.AuditTrail;
import com.mailroom.audit.boundary.AuditView;
import com.mailroom.audit.control.AuditQuery;
import com.mailroom.users.boundary.Users;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /api/v1/audit}: the audit trail, newest first, filtered by actor, kind and time, a page at a time. */
@RolesAllowed(Users.ADMIN)
@Path("v1/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who did what, when, from where and on which node.")
public class AuditResource {

    @Inject
    AuditTrail trail;

    /** Parameters are read as text, so that a wrong one is a 422 naming it, not a bare 404. */
    @GET
    @Operation(summary = "The audit trail, newest first; a wrong parameter is a 422 naming it")
    public List<AuditView> list(
            @Parameter(description = "exact name") @QueryParam("actor") String actor,
            @Parameter(description = "e.g. login_failed, settings_saved") @QueryParam("kind") String kind,
            @Parameter(description = "ISO 8601 with an offset") @QueryParam("since") String since,
            @Parameter(description = "default 0") @QueryParam("offset") String offset,
            @Parameter(description = "default 50, at most 100") @QueryParam("limit") String limit) {
        return trail.list(AuditQuery.parse(actor, kind, since, offset, limit));
    }
}
