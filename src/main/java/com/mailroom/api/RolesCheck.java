package com.mailroom.api;

import com.mailroom.platform.Text;
import com.mailroom.users.boundary.ApiAccess;
import com.mailroom.users.boundary.Users;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.List;

/**
 * The second layer behind web.xml's security constraints: each resource method's {@link RolesAllowed} (the method's,
 * else its class's; none means admin, {@link PermitAll} means anyone) is checked before it runs, with JAX-RS alone,
 * so every server enforces it (Jersey and RESTEasy check the annotation only when told to). A refusal is the 403 of
 * docs/api.md, which names the scope of the caller's token when that is the reason ({@link #forbidden}).
 */
@Provider
public class RolesCheck implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        Class<?> type = resource.getResourceClass();
        if (method == null || method.isAnnotationPresent(PermitAll.class)) {
            return;
        }
        RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
        if (roles == null && type.isAnnotationPresent(PermitAll.class)) {
            return;
        }
        if (roles == null) {
            roles = type.getAnnotation(RolesAllowed.class);
        }
        List<String> allowed = roles == null ? List.of(Users.ADMIN) : List.of(roles.value());
        context.register(new Filter(allowed), Priorities.AUTHORIZATION);
    }

    /** The 403's sentence: for a send_mail token, what its scope allows and that this call needs another. */
    static Text forbidden(Object grant) {
        return grant instanceof ApiAccess.Grant g && g.sendMailOnly()
                ? Text.of("error.api.forbiddenScope", g.scope().wireName())
                : Text.of("error.api.forbidden");
    }

    static final class Filter implements ContainerRequestFilter {
        private final List<String> allowed;

        Filter(List<String> allowed) {
            this.allowed = allowed;
        }

        @Override
        public void filter(ContainerRequestContext request) {
            var security = request.getSecurityContext();
            if (security == null || security.getUserPrincipal() == null) {
                request.abortWith(ErrorMappers.response(401, ErrorBody.of(Text.of("error.unauthenticated"))));
                return;
            }
            if (allowed.stream().noneMatch(security::isUserInRole)) {
                request.abortWith(
                        ErrorMappers.response(403, ErrorBody.of(forbidden(request.getProperty(ApiAccess.GRANT)))));
            }
        }
    }
}
