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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /api/v1/smtp/test}: the saved settings without a body, the body's unsaved values with one. */
@RolesAllowed(Users.ADMIN)
@Path("v1/smtp/test")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "SMTP")
public class SmtpTestResource {

    @Inject
    SmtpSettingsAdmin admin;

    @POST
    @Operation(
            summary = "Send the test mail to the caller's address",
            description = "Without a body: the saved settings. With one: the settings as a PUT with that body would"
                    + " save them, checked the same way, not saved. Counts against the rate limit. 200 whether the"
                    + " mail went through or not.")
    @RequestBody(
            required = false,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SettingsBody")))
    @APIResponse(
            responseCode = "200",
            description = "The outcome: the stage reached, the reply, a hint and the transcript",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "TestReport")))
    @APIResponse(responseCode = "422", description = "The body's settings break a rule")
    @APIResponse(responseCode = "429", description = "Too many saves and tests; Retry-After says how long to wait")
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
