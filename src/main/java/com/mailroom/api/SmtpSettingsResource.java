package com.mailroom.api;

import com.mailroom.settings.boundary.SmtpSettingsAdmin;
import com.mailroom.settings.boundary.SmtpSettingsView;
import com.mailroom.users.boundary.Users;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;

/** {@code /api/v1/smtp/settings}: GET with an ETag, PUT with If-Match (docs/api.md "Settings"). */
@RolesAllowed(Users.ADMIN)
@Path("v1/smtp/settings")
@Produces(MediaType.APPLICATION_JSON)
public class SmtpSettingsResource {

    @Inject
    SmtpSettingsAdmin admin;

    @GET
    public Response get() {
        return withTag(admin.view());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@HeaderParam("If-Match") String ifMatch, InputStream body, @Context SecurityContext caller) {
        // wrong fields and types are refused here, before the save is counted against the rate limit
        var changes = SettingsBody.changes(JsonBodies.object(body, false));
        return withTag(admin.update(
                changes,
                EntityTags.precondition(ifMatch),
                caller.getUserPrincipal().getName()));
    }

    private static Response withTag(SmtpSettingsView view) {
        return Response.ok(view).tag(EntityTags.of(view.version())).build();
    }
}
