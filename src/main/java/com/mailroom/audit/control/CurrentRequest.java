package com.mailroom.audit.control;

import com.mailroom.platform.ClientAddress;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Who acts in the HTTP request being served, and from where: the signed-in user and the client's address
 * ({@link ClientAddress}, which believes a trusted proxy's X-Forwarded-For). The container's request-scoped
 * {@code HttpServletRequest} bean gives them, so the pages' backing beans and the REST resources pass nothing down
 * and the boundaries need no servlet parameters. Outside a request (start-up, background work) there is no one:
 * the actor is "system" and the client unknown.
 */
@ApplicationScoped
public class CurrentRequest {

    public static final String SYSTEM = "system";

    /** The actor and client address of a request; {@code client} may be null. */
    public record Origin(String actor, String client) {}

    @Inject
    Instance<HttpServletRequest> request;

    public Origin origin() {
        try {
            HttpServletRequest current = request.get();
            String user = current.getRemoteUser();
            return new Origin(user == null ? SYSTEM : user, ClientAddress.of(current));
        } catch (RuntimeException e) { // no request context or no servlet request in it
            return new Origin(SYSTEM, null);
        }
    }
}
