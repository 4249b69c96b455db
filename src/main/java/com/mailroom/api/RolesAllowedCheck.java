package com.mailroom.api;

import com.mailroom.errors.Unauthenticated;
import com.mailroom.platform.Text;
import com.mailroom.users.boundary.ApiAccess;
import jakarta.annotation.Priority;
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
import java.util.Arrays;

/**
 * {@code @RolesAllowed} on the resources, enforced by JAX-RS itself: the second layer behind web.xml's security
 * constraints, so a mapping mistake there (or a path the constraints do not match) cannot open a resource. Written
 * here with standard JAX-RS rather than Jersey's own feature, so it works on RESTEasy (WildFly) alike. A method's
 * {@code @PermitAll} or {@code @RolesAllowed} wins over its class's.
 */
@Provider
public class RolesAllowedCheck implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resource, FeatureContext context) {
        Method method = resource.getResourceMethod();
        if (method == null || method.isAnnotationPresent(PermitAll.class)) {
            return;
        }
        RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
        if (roles == null) {
            roles = resource.getResourceClass().getAnnotation(RolesAllowed.class);
        }
        if (roles != null) {
            context.register(new Check(roles.value()));
        }
    }

    /**
     * The 403's sentence: for a token of scope send_mail, what that scope allows and that this call needs another
     * (here and for web.xml's refusals, {@link ErrorServlet}); "Only admins may do this." otherwise.
     */
    static Text forbidden(Object grant) {
        return grant instanceof ApiAccess.Grant g && g.sendMailOnly()
                ? Text.of("error.api.forbiddenScope", g.scope().wireName())
                : Text.of("error.api.forbidden");
    }

    @Priority(Priorities.AUTHORIZATION)
    static final class Check implements ContainerRequestFilter {
        private final String[] roles;

        Check(String[] roles) {
            this.roles = roles.clone();
        }

        @Override
        public void filter(ContainerRequestContext request) {
            var caller = request.getSecurityContext();
            if (caller == null || caller.getUserPrincipal() == null) {
                request.abortWith(ErrorMappers.response(new Unauthenticated()));
            } else if (Arrays.stream(roles).noneMatch(caller::isUserInRole)) {
                request.abortWith(
                        ErrorMappers.response(403, ErrorBody.of(forbidden(request.getProperty(ApiAccess.GRANT)))));
            }
        }
    }
}
