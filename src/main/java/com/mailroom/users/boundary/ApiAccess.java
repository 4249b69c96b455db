package com.mailroom.users.boundary;

import com.mailroom.audit.boundary.AuditTrail;
import com.mailroom.audit.entity.AuditKind;
import com.mailroom.errors.LoginLocked;
import com.mailroom.errors.NotFound;
import com.mailroom.errors.Unauthenticated;
import com.mailroom.platform.Text;
import com.mailroom.users.control.LockoutNotes;
import com.mailroom.users.control.LoginThrottle;
import com.mailroom.users.control.Tokens;
import com.mailroom.users.entity.ApiCredential;
import com.mailroom.users.entity.ApiToken;
import com.mailroom.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * API credentials (client ID and secret, the secret shown once) and the bearer tokens that
 * {@code POST /api/4.0/login} exchanges them for, as the peer's API 4.0 does. Only hashes are stored.
 */
@ApplicationScoped
@Transactional
public class ApiAccess {

    @Inject
    LoginThrottle throttle;

    @Inject
    Clock clock;

    public static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

    @PersistenceContext
    EntityManager em;

    @Inject
    Users users;

    @Inject
    AuditTrail audit;

    @Inject
    LockoutNotes lockoutNotes;

    /** How the 4.0 login is named in the audit trail. */
    static final String CHANNEL = "api 4.0 login";

    @Schema(description = "API credentials; the secret is shown only this once.")
    public record IssuedCredentials(
            @Schema(required = true) String clientId,
            @Schema(required = true) String clientSecret) {
        @Override
        public String toString() {
            return "IssuedCredentials[clientId=" + clientId + "]";
        }
    }

    @Schema(description = "A bearer token for the API.")
    public record IssuedToken(
            @Schema(required = true) String accessToken,
            @Schema(required = true, example = "Bearer") String tokenType,

            @Schema(required = true, description = "Seconds.")
            long expiresIn) {
        @Override
        public String toString() {
            return "IssuedToken[expiresIn=" + expiresIn + "]";
        }
    }

    public IssuedCredentials issueCredentials(String username) {
        User user = users.find(username).orElseThrow(() -> new NotFound(Text.of("error.noUser", username)));
        String clientId = Tokens.random(15);
        String secret = Tokens.random(32);
        em.persist(new ApiCredential(clientId, user, Tokens.sha256(secret)));
        audit.recordWithChange(AuditKind.CREDENTIAL_CREATED, "client_id " + clientId + " for " + user.getUsername());
        return new IssuedCredentials(clientId, secret);
    }

    /** @throws Unauthenticated for an unknown client ID or a wrong secret, without saying which */
    /**
     * @param clientAddress the caller's address: failures count against it and the client id ({@link LoginThrottle})
     * @throws LoginLocked while the client id or the address must wait after failures
     */
    public IssuedToken login(String clientId, String clientSecret, String clientAddress) {
        String account = LoginThrottle.account(clientId);
        String address = LoginThrottle.address(clientAddress);
        String actor = clientId == null ? "" : clientId;
        throttle.lockedUntil(account, address).ifPresent(until -> {
            if (lockoutNotes.first(account, address, clock.instant())) {
                audit.record(AuditKind.LOGIN_LOCKED, actor, CHANNEL + ", until " + until, clientAddress);
            }
            throw new LoginLocked(Duration.between(clock.instant(), until));
        });
        ApiCredential credential =
                clientId == null || clientId.length() > 64 ? null : em.find(ApiCredential.class, clientId);
        if (credential == null
                || clientSecret == null
                || clientSecret.length() > 256
                || !Tokens.sameHash(credential.getSecretHash(), Tokens.sha256(clientSecret))) {
            throttle.failed(account, address);
            audit.record(AuditKind.LOGIN_FAILED, actor, CHANNEL, clientAddress);
            throw new Unauthenticated();
        }
        throttle.succeeded(account);
        audit.record(
                AuditKind.LOGIN_SUCCEEDED,
                credential.getUser().getUsername(),
                CHANNEL + ", client_id " + clientId,
                clientAddress);
        String token = Tokens.random(32);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        em.createQuery("DELETE FROM ApiToken t WHERE t.expiresAt < :now")
                .setParameter("now", now)
                .executeUpdate();
        em.persist(new ApiToken(Tokens.sha256(token), credential.getUser(), now.plus(TOKEN_LIFETIME)));
        return new IssuedToken(token, "Bearer", TOKEN_LIFETIME.toSeconds());
    }

    /** The user a bearer token was issued to, while it has not expired. */
    public Optional<User> userOfToken(String token) {
        if (token == null || token.length() > 256) {
            return Optional.empty();
        }
        return Optional.ofNullable(em.find(ApiToken.class, Tokens.sha256(token)))
                .filter(t -> t.getExpiresAt().isAfter(OffsetDateTime.now(ZoneOffset.UTC)))
                .map(ApiToken::getUser);
    }
}
