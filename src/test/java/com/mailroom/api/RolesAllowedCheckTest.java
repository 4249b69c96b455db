package com.mailroom.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.mailroom.users.boundary.ApiAccess;
import com.mailroom.users.entity.CredentialScope;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The JAX-RS runtime is not started here: its two interfaces the check talks to are stood in for by small
 * proxies that record what the check does (a real server test is in RestApiIT, behind web.xml's constraints).
 */
class RolesAllowedCheckTest {

    @RolesAllowed("admin")
    static class Resource {
        public void adminOnly() {}

        @PermitAll
        public void open() {}

        @RolesAllowed({"admin", "mail-sender"})
        public void send() {}
    }

    @Test
    void aClassesRolesApplyUnlessTheMethodSaysOtherwise() throws Exception {
        assertEquals(401, status("adminOnly", null));
        assertEquals(403, status("adminOnly", Set.of("user")));
        assertNull(status("adminOnly", Set.of("admin", "user")));
        assertNull(filterFor("open"), "@PermitAll: no check at all");
        assertEquals(403, status("send", Set.of("user")));
        assertNull(status("send", Set.of("mail-sender")));
    }

    @Test
    void aSendMailTokenIsToldItsScopeAndOthersThatOnlyAdminsMay() throws Exception {
        var grant = new ApiAccess.Grant("app", "client", CredentialScope.SEND_MAIL, Set.of("mail-sender", "user"));
        assertEquals(
                "This credential has the scope send_mail: it may only queue mail (POST /api/v1/mail and POST"
                        + " /api/v1/mail/batch) and read the mails it queued (GET /api/v1/mail/{id}). This call needs a"
                        + " credential of scope admin.",
                ((ErrorBody) aborted("adminOnly", grant.groups(), grant).getEntity()).message());
        assertNull(aborted("send", grant.groups(), grant), "its one call");
        var admin = new ApiAccess.Grant("app", "client", CredentialScope.ADMIN, Set.of("user"));
        assertEquals(
                "Only admins may do this.",
                ((ErrorBody) aborted("adminOnly", admin.groups(), admin).getEntity()).message(),
                "an admin token of a user who is no admin any more");
    }

    /** The status the check aborts with, or null when it lets the request through. */
    private static Integer status(String method, Set<String> roles) throws Exception {
        Response response = aborted(method, roles, null);
        return response == null ? null : response.getStatus();
    }

    /** The answer the check aborts with, or null; {@code grant} is the request's bearer token grant, if any. */
    private static Response aborted(String method, Set<String> roles, ApiAccess.Grant grant) throws Exception {
        ContainerRequestFilter filter = filterFor(method);
        SecurityContext caller = roles == null ? anonymous() : caller(roles);
        List<Response> aborted = new ArrayList<>();
        var request = (ContainerRequestContext) Proxy.newProxyInstance(
                RolesAllowedCheckTest.class.getClassLoader(),
                new Class<?>[] {ContainerRequestContext.class},
                (proxy, m, args) -> switch (m.getName()) {
                    case "getSecurityContext" -> caller;
                    case "abortWith" -> aborted.add((Response) args[0]);
                    case "getProperty" -> ApiAccess.GRANT.equals(args[0]) ? grant : null;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        filter.filter(request);
        return aborted.isEmpty() ? null : aborted.get(0);
    }

    private static ContainerRequestFilter filterFor(String name) throws Exception {
        Method method = Resource.class.getMethod(name);
        var resource = new ResourceInfo() {
            @Override
            public Method getResourceMethod() {
                return method;
            }

            @Override
            public Class<?> getResourceClass() {
                return Resource.class;
            }
        };
        List<Object> registered = new ArrayList<>();
        var context = (FeatureContext) Proxy.newProxyInstance(
                RolesAllowedCheckTest.class.getClassLoader(),
                new Class<?>[] {FeatureContext.class},
                (proxy, m, args) -> {
                    registered.add(args[0]);
                    return proxy;
                });
        new RolesAllowedCheck().configure(resource, context);
        return registered.isEmpty() ? null : (ContainerRequestFilter) registered.get(0);
    }

    private static SecurityContext anonymous() {
        return context(null, Set.of());
    }

    private static SecurityContext caller(Set<String> roles) {
        return context(() -> "someone", roles);
    }

    private static SecurityContext context(Principal principal, Set<String> roles) {
        return new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }

            @Override
            public boolean isUserInRole(String role) {
                return roles.contains(role);
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return "BASIC";
            }
        };
    }
}
