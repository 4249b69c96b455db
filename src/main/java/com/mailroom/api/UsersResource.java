package com.mailroom.api;

import com.mailroom.users.boundary.ApiAccess;
import com.mailroom.users.boundary.UserView;
import com.mailroom.users.boundary.Users;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code /api/v1/users}: list, add, show, change and remove users; issue, list and revoke API credentials (admin
 * only, like every path here: a send_mail token is refused with 403).
 */
@RolesAllowed(Users.ADMIN)
@Path("v1/users")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    /** The body of {@code POST}; the rules (R20) are the boundary's. */
    @Schema(
            description = "A new user (rules: docs/product.md R20).",
            requiredProperties = {"username", "email", "password"})
    public record NewUser(String username, String email, String password, boolean admin) {}

    /**
     * The body of {@code PATCH}: any of email, password, admin; omitted or null keeps the value. {@code username} is
     * read only to be refused by name (it cannot change).
     */
    public record UserPatch(String username, String email, String password, Boolean admin) {
        @Override
        public String toString() {
            return "UserPatch[email=" + email + ", admin=" + admin + "]";
        }
    }

    /** A user id: digits that fit a long; anything else is no user (404). */
    private static final String ID = "{id: [0-9]{1,18}}";

    @Inject
    Users users;

    @Inject
    ApiAccess apiAccess;

    @GET
    @Operation(summary = "The users, by username")
    @APIResponse(responseCode = "default", description = "The users")
    public List<UserView> list() {
        return users.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a user")
    @RequestBody(
            required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "NewUser")))
    @APIResponse(
            responseCode = "201",
            description = "Added",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserView")))
    @APIResponse(responseCode = "409", description = "The username is taken")
    @APIResponse(responseCode = "422", description = "A field is missing or breaks a rule")
    public Response create(InputStream body, @Context UriInfo uri) {
        var user = JsonRecords.bind(JsonBodies.object(body, false), NewUser.class);
        UserView created = users.create(user.username(), user.email(), user.password(), user.admin());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(Long.toString(created.id()))
                        .build())
                .entity(created)
                .build();
    }

    @GET
    @Path(ID)
    @Operation(summary = "One user")
    @APIResponse(responseCode = "default", description = "The user")
    public UserView get(@PathParam("id") long id) {
        return users.get(id);
    }

    @PATCH
    @Path(ID)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a user's e-mail address, password or admin flag; the last admin stays one")
    @RequestBody(
            required = true,
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "UserPatch")))
    @APIResponse(responseCode = "default", description = "The user as changed")
    public UserView update(@PathParam("id") long id, InputStream body) {
        var patch = JsonRecords.bind(JsonBodies.object(body, false), UserPatch.class);
        return users.update(id, new Users.Change(patch.username(), patch.email(), patch.password(), patch.admin()));
    }

    @DELETE
    @Path(ID)
    @Operation(summary = "Remove a user; never the last admin")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response remove(@PathParam("id") long id) {
        users.remove(id);
        return Response.noContent().build();
    }

    /** An admin lets a user locked out after failed logins in again. */
    @DELETE
    @Path(ID + "/lockout")
    @Operation(summary = "Let a user locked out after failed logins in again")
    @APIResponse(responseCode = "204", description = "Unlocked")
    public Response unlock(@PathParam("id") long id) {
        users.unlock(id);
        return Response.noContent().build();
    }

    /** The body of {@code POST …/api_credentials}, all optional: scope (default send_mail), expiry, description. */
    public record NewCredential(String scope, String expiresAt, String description) {}

    /**
     * Credentials for the caller, whose own login must have the admin role: a send_mail token cannot mint any (403
     * from web.xml and {@link RolesAllowedCheck}). The answer carries a secret: never stored by a cache.
     */
    @POST
    @Path("me/api_credentials")
    @Operation(summary = "Issue API credentials for the caller, for POST /api/4.0/login")
    @APIResponse(
            responseCode = "201",
            description = "Issued",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = "IssuedCredentials")))
    public Response issueCredentials(InputStream body, @Context SecurityContext caller) {
        JsonObject json = JsonBodies.object(body, true);
        var wish = json == null ? new NewCredential(null, null, null) : JsonRecords.bind(json, NewCredential.class);
        return Response.status(Response.Status.CREATED)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .entity(apiAccess.issueCredentials(
                        caller.getUserPrincipal().getName(), wish.scope(), wish.expiresAt(), wish.description()))
                .build();
    }

    @GET
    @Path("me/api_credentials")
    public List<ApiAccess.CredentialView> ownCredentials(@Context SecurityContext caller) {
        return apiAccess.list(caller.getUserPrincipal().getName());
    }

    @GET
    @Path(ID + "/api_credentials")
    public List<ApiAccess.CredentialView> credentials(@PathParam("id") long id) {
        return apiAccess.list(id);
    }

    /** Revokes one of the caller's credentials: it and its bearer tokens stop working at once. */
    @DELETE
    @Path("me/api_credentials/{clientId}")
    public Response revokeOwn(@PathParam("clientId") String clientId, @Context SecurityContext caller) {
        apiAccess.revoke(caller.getUserPrincipal().getName(), clientId);
        return Response.noContent().build();
    }

    @DELETE
    @Path(ID + "/api_credentials/{clientId}")
    public Response revoke(@PathParam("id") long id, @PathParam("clientId") String clientId) {
        apiAccess.revoke(id, clientId);
        return Response.noContent().build();
    }
}
