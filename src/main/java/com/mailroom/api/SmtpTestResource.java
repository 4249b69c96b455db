package com.mailroom.api;

import com.mailroom.settings.boundary.SmtpSettingsAdmin;
import com.mailroom.settings.boundary.TestReport;
import com.mailroom.users.boundary.Users;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.util.Locale;

/** {@code POST /api/v1/smtp/test}: the saved settings without a body, the body's unsaved values with one. */
@RolesAllowed(Users.ADMIN)
@Path("v1/smtp/test")
@Produces(MediaType.APPLICATION_JSON)
public class SmtpTestResource {

    @Inject
    SmtpSettingsAdmin admin;

    @POST
    public TestReport test(InputStream body, @Context SecurityContext caller) {
        var json = JsonBodies.object(body, true);
        var form = json == null ? null : admin.form();
        if (form != null) {
            SettingsBody.changes(json).accept(form);
        }
        // the API speaks English (package-info)
        return admin.test(form, caller.getUserPrincipal().getName(), Locale.ENGLISH);
    }
}
