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

/** The peer's API 4.0, for integrations written against it (docs/api.md "Compatibility with the peer's API 4.0"). */
@RolesAllowed(Users.ADMIN)
@Path("4.0")
@Produces(MediaType.APPLICATION_JSON)
public class LegacyApiResource {

    @Inject
    ApiAccess apiAccess;

    @Inject
    SmtpSettingsAdmin admin;

    /** Open to anyone: exchanges API credentials for a bearer token. */
    @PermitAll
    @POST
    @Path("login")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public ApiAccess.IssuedToken login(
            @FormParam("client_id") String clientId,
            @FormParam("client_secret") String clientSecret,
            @Context HttpServletRequest request) {
        return apiAccess.login(clientId, clientSecret, ClientAddress.of(request));
    }

    @GET
    @Path("smtp_status")
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
    public record LegacyStatus(@JsonbProperty("is_valid") boolean isValid, int nodeCount, List<Node> nodeStatus) {
        public record Node(@JsonbProperty("is_valid") boolean isValid, String message, String hostname) {}
    }

    @POST
    @Path("smtp_settings")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response smtpSettings(InputStream body, @Context SecurityContext caller) {
        // wrong fields and types are refused here, before the save is counted against the rate limit
        var changes = LegacySettingsBody.changes(JsonBodies.object(body, false));
        admin.update(changes, version -> true, caller.getUserPrincipal().getName());
        return Response.noContent().build();
    }
}
