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

/**
 * {@code /api/v1/users}: list, add, show, change and remove users; issue, list and revoke API credentials (admin
 * only, like every path here: a send_mail token is refused with 403).
 */
@RolesAllowed(Users.ADMIN)
@Path("v1/users")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    /** The body of {@code POST}; the rules (R20) are the boundary's. */
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
    public List<UserView> list() {
        return users.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
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
    public UserView get(@PathParam("id") long id) {
        return users.get(id);
    }

    @PATCH
    @Path(ID)
    @Consumes(MediaType.APPLICATION_JSON)
    public UserView update(@PathParam("id") long id, InputStream body) {
        var patch = JsonRecords.bind(JsonBodies.object(body, false), UserPatch.class);
        return users.update(id, new Users.Change(patch.username(), patch.email(), patch.password(), patch.admin()));
    }

    @DELETE
    @Path(ID)
    public Response remove(@PathParam("id") long id) {
        users.remove(id);
        return Response.noContent().build();
    }

    /** An admin lets a user locked out after failed logins in again. */
    @DELETE
    @Path(ID + "/lockout")
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
