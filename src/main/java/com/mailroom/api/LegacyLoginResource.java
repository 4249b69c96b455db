package com.mailroom.api;

import com.mailroom.platform.ClientAddress;
import com.mailroom.users.boundary.ApiAccess;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /api/4.0/login} of the peer's API 4.0, in a class of its own: it is open to anyone, and on Payara a
 * {@code @RolesAllowed} anywhere in the class serving it made Payara demand authentication for every request to the
 * class — the anonymous login got a 401 written into its answer, then a 500. {@link LegacyApiResource} has the rest.
 */
@Path("4.0/login")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "API 4.0")
public class LegacyLoginResource {

    @Inject
    ApiAccess apiAccess;

    /** Open to anyone: exchanges API credentials for a bearer token. */
    @POST
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
}
