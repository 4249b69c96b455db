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

/** {@code GET /api/v1/audit}: the audit trail, newest first, filtered by actor, kind and time, a page at a time. */
@RolesAllowed(Users.ADMIN)
@Path("v1/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

    @Inject
    AuditTrail trail;

    /** Parameters are read as text, so that a wrong one is a 422 naming it, not a bare 404. */
    @GET
    public List<AuditView> list(
            @QueryParam("actor") String actor,
            @QueryParam("kind") String kind,
            @QueryParam("since") String since,
            @QueryParam("offset") String offset,
            @QueryParam("limit") String limit) {
        return trail.list(AuditQuery.parse(actor, kind, since, offset, limit));
    }
}
