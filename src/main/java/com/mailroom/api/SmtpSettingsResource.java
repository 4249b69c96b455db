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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code /api/v1/smtp/settings}: GET with an ETag, PUT with If-Match (docs/api.md "Settings"). */
@RolesAllowed(Users.ADMIN)
@Path("v1/smtp/settings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "SMTP", description = "The SMTP settings, the test mail and the SMTP status.")
public class SmtpSettingsResource {

    @Inject
    SmtpSettingsAdmin admin;

    @GET
    @Operation(summary = "Read the SMTP settings (secrets only as *_set flags)")
    @APIResponse(
            responseCode = "200",
            description = "The settings; the ETag is their version",
            headers =
                    @Header(name = "ETag", description = "`\"<version>\"`", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SmtpSettingsView")))
    public Response get() {
        return withTag(admin.view());
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change the SMTP settings",
            description = "The body is laid over the stored settings (JSON Merge Patch): send only what changes, or"
                    + " the GET answer back (its read-only fields are ignored). Counts against the rate limit.")
    @RequestBody(
            required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SettingsBody")))
    @APIResponse(
            responseCode = "200",
            description = "Saved; the new settings and ETag",
            headers =
                    @Header(name = "ETag", description = "`\"<version>\"`", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "SmtpSettingsView")))
    @APIResponse(responseCode = "412", description = "If-Match names another version; nothing is stored")
    @APIResponse(responseCode = "422", description = "A field is unknown, of the wrong type or breaks a rule")
    @APIResponse(responseCode = "429", description = "Too many saves and tests; Retry-After says how long to wait")
    public Response put(
            @Parameter(description = "Save only over this version (`\"3\"`); absent or `*`: last writer wins")
                    @HeaderParam("If-Match")
                    String ifMatch,
            InputStream body,
            @Context SecurityContext caller) {
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
