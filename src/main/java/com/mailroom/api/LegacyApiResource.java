package com.mailroom.api;

import com.mailroom.platform.ClientAddress;
import com.mailroom.settings.boundary.SmtpSettingsAdmin;
import com.mailroom.status.boundary.StatusView;
import com.mailroom.users.boundary.ApiAccess;
import com.mailroom.users.boundary.Users;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The peer's API 4.0, for integrations written against it (docs/api.md "Compatibility with the peer's API 4.0"). */
@Path("4.0")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "API 4.0", description = "The peer product's API 4.0, for integrations written against it.")
public class LegacyApiResource {

    @Inject
    ApiAccess apiAccess;

    @Inject
    SmtpSettingsAdmin admin;

    /**
     * Open to anyone: exchanges API credentials for a bearer token. (No @RolesAllowed on the class: Payara's own
     * check of the annotation then asked every anonymous login to authenticate, and the 401 broke the answer.)
     */
    @PermitAll
    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Exchange API credentials for a bearer token (no authentication needed)")
    @SecurityRequirementsSet({})
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                            schema =
                                    @Schema(
                                            requiredProperties = {"client_id", "client_secret"},
                                            properties = {
                                                @SchemaProperty(name = "client_id", type = SchemaType.STRING),
                                                @SchemaProperty(name = "client_secret", type = SchemaType.STRING)
                                            })))
    @APIResponse(
            responseCode = "200",
            description = "A token for one hour",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "IssuedToken")))
    @APIResponse(responseCode = "401", description = "Wrong or unknown credentials")
    public ApiAccess.IssuedToken login(
            @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret,
            @Context HttpServletRequest request) {
        return apiAccess.login(clientId, clientSecret, ClientAddress.of(request));
    }

    @GET
    @RolesAllowed(Users.ADMIN)
    @Path("smtp_status")
    @Operation(summary = "The SMTP status in the peer's shape (no mode, no check times)")
    @APIResponse(responseCode = "default", description = "The status")
    public LegacyStatus smtpStatus() {
        StatusView view = admin.status();
        return new LegacyStatus(
                view.isValid(),
                view.nodeCount(),
                view.nodeStatus().stream()
                        .map(n -> new LegacyStatus.Node(n.isValid(), n.message(), n.hostname()))
                        .toList());
    }

    /** The peer's status shape: no mode, no check times. */
    @Schema(description = "The SMTP status in the peer's shape.")
    public record LegacyStatus(
            @Schema(required = true) @JsonbProperty("is_valid")
            boolean isValid,

            @Schema(required = true) int nodeCount,
            @Schema(required = true) List<Node> nodeStatus) {
        @Schema(name = "LegacyNodeStatus")
        public record Node(
                @Schema(required = true) @JsonbProperty("is_valid")
                boolean isValid,

                String message,
                @Schema(required = true) String hostname) {}
    }

    @POST
    @RolesAllowed(Users.ADMIN)
    @Path("smtp_settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change the SMTP settings with the peer's fields",
            description = "Laid over the stored settings like a v1 PUT; last writer wins.")
    @RequestBody(
            required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "LegacySettingsBody")))
    @APIResponse(responseCode = "204", description = "Saved")
    @APIResponse(responseCode = "422", description = "A field is unknown, of the wrong type or breaks a rule")
    @APIResponse(responseCode = "429", description = "Too many saves and tests; Retry-After says how long to wait")
    public Response smtpSettings(InputStream body, @Context SecurityContext caller) {
        // wrong fields and types are refused here, before the save is counted against the rate limit
        var changes = LegacySettingsBody.changes(JsonBodies.object(body, false));
        admin.update(changes, version -> true, caller.getUserPrincipal().getName());
        return Response.noContent().build();
    }
}
