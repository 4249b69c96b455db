package com.mailroom.users.boundary;

import com.mailroom.audit.boundary.AuditTrail;
import com.mailroom.audit.entity.AuditKind;
import com.mailroom.errors.InvalidInput;
import com.mailroom.errors.LoginLocked;
import com.mailroom.errors.NotFound;
import com.mailroom.errors.Unauthenticated;
import com.mailroom.platform.Text;
import com.mailroom.users.control.CredentialRules;
import com.mailroom.users.control.LockoutNotes;
import com.mailroom.users.control.LoginThrottle;
import com.mailroom.users.control.Tokens;
import com.mailroom.users.entity.ApiCredential;
import com.mailroom.users.entity.ApiToken;
import com.mailroom.users.entity.CredentialScope;
import com.mailroom.users.entity.User;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * API credentials (client ID and secret, the secret shown once) and the bearer tokens that
 * {@code POST /api/4.0/login} exchanges them for, as the peer's API 4.0 does. Only hashes are stored.
 * <p>
 * A credential has a scope ({@link CredentialScope}, docs/api.md "Scopes") and may expire; it is listed without its
 * secret and revoked by deleting it, which ends its tokens at once. A token has its credential's scope and never
 * outlives the credential's expiry.
 */
@ApplicationScoped
@Transactional
public class ApiAccess {

    @Inject
    LoginThrottle throttle;

    @Inject
    Clock clock;

    public static final Duration TOKEN_LIFETIME = Duration.ofHours(1);
    /** last_used_at is written at most this often per credential, not on every call. */
    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    /** The role of a send_mail token whose user is an admin: queue mail and read what it queued. */
    public static final String MAIL_SENDER = "mail-sender";

    /** The request attribute that holds the {@link Grant} of a call made with a bearer token. */
    public static final String GRANT = "mailroom.apiGrant";

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

    /** A credential as the API and the Users page list it: never its secret or the secret's hash. */
    public record CredentialView(
            String clientId,
            String scope,
            OffsetDateTime createdAt,
            OffsetDateTime expiresAt,
            OffsetDateTime lastUsedAt,
            String description)
            implements Serializable {

        static CredentialView of(ApiCredential c) {
            return new CredentialView(
                    c.getClientId(),
                    c.getScope().wireName(),
                    c.getCreatedAt(),
                    c.getExpiresAt(),
                    c.getLastUsedAt(),
                    c.getDescription());
        }
    }

    /**
     * What a bearer token allows: its user, the credential it came from and that credential's scope.
     *
     * @param groups the roles of the call: {@code admin} (and {@code user}) for an admin-scoped token of an admin;
     *         {@value #MAIL_SENDER} (and {@code user}) for a send_mail token of an admin; only {@code user} when the
     *         user is no admin any more
     */
    public record Grant(String username, String clientId, CredentialScope scope, Set<String> groups) {

        static Grant of(ApiToken token) {
            ApiCredential credential = token.getCredential();
            User user = credential.getUser();
            CredentialScope scope = credential.getScope();
            return new Grant(user.getUsername(), credential.getClientId(), scope, groups(user.isAdmin(), scope));
        }

        public static Set<String> groups(boolean admin, CredentialScope scope) {
            if (!admin) {
                return Set.of(Users.USER);
            }
            return scope == CredentialScope.ADMIN ? Set.of(Users.ADMIN, Users.USER) : Set.of(MAIL_SENDER, Users.USER);
        }

        public boolean sendMailOnly() {
            return scope == CredentialScope.SEND_MAIL;
        }
    }

    /** Credentials with the default scope, no expiry and no description. */
    public IssuedCredentials issueCredentials(String username) {
        return issueCredentials(username, null, null, null);
    }

    /**
     * @param scope {@code send_mail} (the default, for null) or {@code admin}
     * @param expiresAt ISO-8601 with an offset, in the future; null for no expiry
     * @throws InvalidInput naming each wrong field; nothing is stored then
     * @throws NotFound when there is no such user
     */
    public IssuedCredentials issueCredentials(String username, String scope, String expiresAt, String description) {
        OffsetDateTime now = now();
        CredentialRules.Checked checked = CredentialRules.check(scope, expiresAt, description, now);
        User user = users.find(username).orElseThrow(() -> new NotFound(Text.of("error.noUser", username)));
        String clientId = Tokens.random(15);
        String secret = Tokens.random(32);
        em.persist(new ApiCredential(
                clientId,
                user,
                Tokens.sha256(secret),
                checked.scope(),
                checked.expiresAt(),
                checked.description(),
                now));
        audit.recordWithChange(
                AuditKind.CREDENTIAL_CREATED,
                "client_id " + clientId + " (" + checked.scope().wireName() + ") for " + user.getUsername());
        return new IssuedCredentials(clientId, secret);
    }

    /** The user's credentials, oldest first. @throws NotFound when there is no such user */
    public List<CredentialView> list(String username) {
        User user = users.find(username).orElseThrow(() -> new NotFound(Text.of("error.noUser", username)));
        return list(user);
    }

    /** @throws NotFound when there is no user {@code id} */
    public List<CredentialView> list(long userId) {
        return list(byId(userId));
    }

    private List<CredentialView> list(User user) {
        return em.createQuery(
                        "SELECT c FROM ApiCredential c WHERE c.user = :user ORDER BY c.createdAt, c.clientId",
                        ApiCredential.class)
                .setParameter("user", user)
                .getResultStream()
                .map(CredentialView::of)
                .toList();
    }

    /** Revokes one of the user's credentials. @throws NotFound for an unknown user or a credential not theirs */
    public CredentialView revoke(String username, String clientId) {
        User user = users.find(username).orElseThrow(() -> new NotFound(Text.of("error.noUser", username)));
        return revoke(user, clientId);
    }

    /** @throws NotFound for an unknown user or a credential that is not theirs */
    public CredentialView revoke(long userId, String clientId) {
        return revoke(byId(userId), clientId);
    }

    /** Deletes the credential and its tokens: the next call with any of them is refused (401). */
    private CredentialView revoke(User user, String clientId) {
        ApiCredential credential =
                clientId == null || clientId.length() > 64 ? null : em.find(ApiCredential.class, clientId);
        if (credential == null || !credential.getUser().getId().equals(user.getId())) {
            throw new NotFound(
                    Text.of("error.noCredential", clientId == null ? "" : clientId.replaceAll("[^A-Za-z0-9_-]", "?")));
        }
        em.createQuery("DELETE FROM ApiToken t WHERE t.credential = :credential")
                .setParameter("credential", credential)
                .executeUpdate();
        em.remove(credential);
        em.flush();
        audit.recordWithChange(
                AuditKind.CREDENTIAL_REVOKED, "client_id " + credential.getClientId() + " of " + user.getUsername());
        return CredentialView.of(credential);
    }

    /**
     * @param clientAddress the caller's address: failures count against it and the client id ({@link LoginThrottle})
     * @throws Unauthenticated for an unknown client ID, a wrong secret or an expired credential, without saying which
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
        OffsetDateTime now = now();
        ApiCredential credential =
                clientId == null || clientId.length() > 64 ? null : em.find(ApiCredential.class, clientId);
        if (credential == null
                || clientSecret == null
                || clientSecret.length() > 256
                || !Tokens.sameHash(credential.getSecretHash(), Tokens.sha256(clientSecret))
                || credential.isExpired(now)) {
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
        em.createQuery("DELETE FROM ApiToken t WHERE t.expiresAt < :now")
                .setParameter("now", now)
                .executeUpdate();
        OffsetDateTime expires = CredentialRules.tokenExpiry(now, TOKEN_LIFETIME, credential.getExpiresAt());
        em.persist(new ApiToken(Tokens.sha256(token), credential, expires));
        credential.setLastUsedAt(now);
        return new IssuedToken(
                token, "Bearer", Math.max(1, Duration.between(now, expires).toSeconds()));
    }

    /**
     * What a bearer token allows, while neither it nor its credential has expired and the credential has not been
     * revoked. Notes when the credential was last used (to the minute).
     */
    public Optional<Grant> grantOfToken(String token) {
        if (token == null || token.length() > 256) {
            return Optional.empty();
        }
        OffsetDateTime now = now();
        ApiToken found = em.find(ApiToken.class, Tokens.sha256(token));
        if (found == null
                || !found.getExpiresAt().isAfter(now)
                || found.getCredential().isExpired(now)) {
            return Optional.empty();
        }
        ApiCredential credential = found.getCredential();
        OffsetDateTime last = credential.getLastUsedAt();
        if (last == null || last.isBefore(now.minus(LAST_USED_PRECISION))) {
            credential.setLastUsedAt(now);
        }
        return Optional.of(Grant.of(found));
    }

    private User byId(long id) {
        User user = em.find(User.class, id);
        if (user == null) {
            throw new NotFound(Text.of("error.noUserId", Long.toString(id)));
        }
        return user;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
