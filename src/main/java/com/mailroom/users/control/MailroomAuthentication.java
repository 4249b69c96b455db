package com.mailroom.users.control;

import com.mailroom.audit.boundary.AuditTrail;
import com.mailroom.audit.entity.AuditKind;
import com.mailroom.errors.LoginLocked;
import com.mailroom.errors.Unauthenticated;
import com.mailroom.platform.ClientAddress;
import com.mailroom.platform.JsonErrors;
import com.mailroom.users.boundary.ApiAccess;
import com.mailroom.users.boundary.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * One authentication mechanism for the whole application (Jakarta Security 3 allows one):
 * <ul>
 * <li>{@code /api/**}: stateless, from the Authorization header (Basic, or {@code Bearer}/{@code token} with a token
 * from the 4.0 login). A session cookie never authenticates an API call, so the API cannot be driven by CSRF.
 * Missing or wrong credentials on a protected call → 401 in the spec's error shape.</li>
 * <li>pages: form login; the login page calls {@code SecurityContext.authenticate} with the credential, the
 * session then remembers the user's name and id, and each request re-reads the user so a removed or demoted admin
 * loses access at once. An anonymous request for a protected page is sent to the login page, which returns to it
 * afterwards.</li>
 * </ul>
 */
@ApplicationScoped
public class MailroomAuthentication implements HttpAuthenticationMechanism {

    public static final String SESSION_USER = "mailroom.user";
    /** The id of the user signed in: a user removed and added again under the same name is someone else. */
    public static final String SESSION_USER_ID = "mailroom.userId";

    public static final String SESSION_NEXT = "mailroom.next";
    public static final String LOGIN_PAGE = "/login.xhtml";
    /** Request attribute: the {@link LoginLocked} that refused a login from the page, for the page to show. */
    public static final String LOCKED = "mailroom.login.locked";

    /** How a login came, as the audit trail names it. */
    static final String PAGE = "page";

    static final String BASIC = "basic";

    @Inject
    IdentityStoreHandler identityStores;

    @Inject
    Users users;

    @Inject
    LoginThrottle throttle;

    @Inject
    ApiAccess apiAccess;

    @Inject
    AuditTrail audit;

    @Inject
    LockoutNotes lockoutNotes;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Credential submitted = context.getAuthParameters().getCredential();
        if (submitted != null) {
            return loginFromPage(request, context, submitted);
        }
        if (isApi(request)) {
            return api(request, response, context);
        }
        HttpSession session = request.getSession(false);
        Object name = session == null ? null : session.getAttribute(SESSION_USER);
        if (name instanceof String username) {
            var user = users.find(username);
            if (user.isPresent() && user.get().getId().equals(session.getAttribute(SESSION_USER_ID))) {
                return context.notifyContainerAboutLogin(username, Users.groupsOf(user.get()));
            }
            session.invalidate();
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String query = request.getQueryString();
        request.getSession(true).setAttribute(SESSION_NEXT, query == null ? path : path + "?" + query);
        return context.redirect(request.getContextPath() + LOGIN_PAGE);
    }

    private AuthenticationStatus loginFromPage(
            HttpServletRequest request, HttpMessageContext context, Credential credential) {
        CredentialValidationResult result;
        try {
            result = validateThrottled(request, credential, PAGE);
        } catch (LoginLocked e) {
            request.setAttribute(LOCKED, e);
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        HttpSession old = request.getSession(false);
        Object next = old == null ? null : old.getAttribute(SESSION_NEXT);
        if (old != null) {
            old.invalidate(); // a new session id after login: no session fixation
        }
        HttpSession session = request.getSession(true);
        String username = result.getCallerPrincipal().getName();
        session.setAttribute(SESSION_USER, username);
        users.find(username).ifPresent(u -> session.setAttribute(SESSION_USER_ID, u.getId()));
        if (next != null) {
            session.setAttribute(SESSION_NEXT, next);
        }
        return context.notifyContainerAboutLogin(result);
    }

    private AuthenticationStatus api(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String header = request.getHeader("Authorization");
        if (header == null) {
            return context.isProtected() ? unauthorized(response, context) : context.doNothing();
        }
        Credential credential = parse(header);
        if (credential == null) {
            return unauthorized(response, context);
        }
        if (credential instanceof ApiTokenCredential token) {
            // the token's scope decides its roles; the grant stays on the request for the resources and error answers
            var grant = apiAccess.grantOfToken(token.token());
            if (grant.isEmpty()) {
                return unauthorized(response, context);
            }
            request.setAttribute(ApiAccess.GRANT, grant.get());
            return context.notifyContainerAboutLogin(
                    grant.get().username(), grant.get().groups());
        }
        CredentialValidationResult result;
        try {
            result = validateThrottled(request, credential, BASIC);
        } catch (LoginLocked e) {
            response.setHeader("Retry-After", Long.toString(e.retryAfterSeconds()));
            return refuse(response, 429, e.getMessage());
        }
        return result.getStatus() == CredentialValidationResult.Status.VALID
                ? context.notifyContainerAboutLogin(result)
                : unauthorized(response, context);
    }

    /**
     * Names and passwords go through the {@link LoginThrottle}: refused unchecked while the account or the client's
     * address waits, counted when wrong. Bearer tokens are random 256-bit values, not worth guessing: not throttled.
     * <p>
     * The audit trail hears of every failure, of the first lockout refusal per account and address a minute
     * ({@link LockoutNotes}), of every login on the page, and of a Basic login only when its password was hashed and
     * checked, not when {@link RecentLogins} knew it: Basic comes with every API call, bearer tokens too (never
     * written), and the trail would otherwise hold every request.
     *
     * @param channel how the login came, for the trail: {@value #PAGE} or {@value #BASIC}
     * @throws LoginLocked while the account or the address must wait
     */
    private CredentialValidationResult validateThrottled(
            HttpServletRequest request, Credential credential, String channel) {
        if (!(credential instanceof UsernamePasswordCredential password)) {
            return identityStores.validate(credential);
        }
        String client = ClientAddress.of(request);
        String caller = Objects.toString(password.getCaller(), "");
        String name = caller.strip();
        String account = LoginThrottle.account(name);
        String address = LoginThrottle.address(client);
        var until = throttle.lockedUntil(account, address);
        if (until.isPresent()) {
            if (lockoutNotes.first(account, address, Instant.now())) {
                audit.record(AuditKind.LOGIN_LOCKED, name, channel + ", until " + until.get(), client);
            }
            throw new LoginLocked(Duration.between(Instant.now(), until.get()));
        }
        boolean known = channel.equals(BASIC) && users.recentlyVerified(caller, password.getPasswordAsString());
        CredentialValidationResult result = identityStores.validate(credential);
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            throttle.succeeded(account);
            if (!known) {
                audit.record(
                        AuditKind.LOGIN_SUCCEEDED, result.getCallerPrincipal().getName(), channel, client);
            }
        } else {
            throttle.failed(account, address);
            audit.record(AuditKind.LOGIN_FAILED, name, channel, client);
        }
        return result;
    }

    static Credential parse(String header) {
        int space = header.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String scheme = header.substring(0, space).toLowerCase(Locale.ROOT);
        String value = header.substring(space + 1).strip();
        switch (scheme) {
            case "basic":
                String decoded;
                try {
                    decoded = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    return null;
                }
                int colon = decoded.indexOf(':');
                return colon <= 0
                        ? null
                        : new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1));
            case "bearer":
            case "token":
                return value.isEmpty() ? null : new ApiTokenCredential(value);
            default:
                return null;
        }
    }

    private static AuthenticationStatus unauthorized(HttpServletResponse response, HttpMessageContext context) {
        String accept = context.getRequest().getHeader("Accept");
        if (accept == null || !accept.contains("text/html")) {
            // a browser that navigates to the API would show its Basic login dialog and then send the password
            // with every request to this site, cross-site form posts included: browsers get no challenge
            response.setHeader("WWW-Authenticate", "Basic realm=\"Mailroom\", Bearer realm=\"Mailroom\"");
        }
        return refuse(response, HttpServletResponse.SC_UNAUTHORIZED, new Unauthenticated().getMessage());
    }

    private static AuthenticationStatus refuse(HttpServletResponse response, int status, String message) {
        try {
            JsonErrors.write(response, status, message); // written before the filters run
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    /**
     * By the container's decoded and normalised servlet path, not the raw URI ({@code /;x/api/…}, {@code //api/…} and
     * percent-encodings would slip past a prefix test on that).
     */
    static boolean isApi(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.equals("/api") || path.startsWith("/api/");
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }
}
