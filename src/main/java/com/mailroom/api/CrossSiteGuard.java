package com.mailroom.api;

import com.mailroom.platform.Text;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * A change through the API must come as JSON or carry an {@code X-Requested-With} header — two things a page on
 * another site cannot make a browser send without the browser asking this site first (CORS), which it never allows.
 * Calls without a body (DELETE, resend, …) therefore need the header. Browsers are never asked for HTTP Basic
 * credentials by the API, but one that has them (typed into a dialog of its own) would send them with a cross-site
 * form post; this closes that door. {@code POST /api/4.0/login} is exempt: it takes the peer's form and changes
 * nothing.
 */
@Provider
@PreMatching
public class CrossSiteGuard implements ContainerRequestFilter {

    static final String HEADER = "X-Requested-With";
    private static final Set<String> CHANGES = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Override
    public void filter(ContainerRequestContext request) {
        if (!CHANGES.contains(request.getMethod())
                || isLogin(request.getUriInfo().getPath())) {
            return;
        }
        MediaType type = request.getMediaType();
        boolean json = type != null && type.isCompatible(MediaType.APPLICATION_JSON_TYPE);
        String header = request.getHeaderString(HEADER);
        if (!json && (header == null || header.isBlank())) {
            request.abortWith(ErrorMappers.response(403, ErrorBody.of(Text.of("error.api.crossSite"))));
        }
    }

    private static boolean isLogin(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return p.equals("4.0/login") || p.equals("4.0/login/");
    }
}
