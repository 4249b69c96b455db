package com.mailroom.users.control;

import com.mailroom.users.boundary.ApiAccess;
import com.mailroom.users.boundary.Users;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/**
 * Users from the database: name and password (Basic, form login), or a bearer token from the 4.0 login, whose roles
 * are those of its credential's scope ({@link ApiAccess.Grant#groups}).
 */
@ApplicationScoped
public class MailroomIdentityStore implements IdentityStore {

    @Inject
    Users users;

    @Inject
    ApiAccess apiAccess;

    /**
     * Chooses the method by the credential's type here rather than through {@code IdentityStore}'s default method,
     * which finds it with a method handle: on WildFly that failed with a {@code LinkageError} after a redeploy
     * without restart, and every bearer login with it (the portable tests redeploy and log in again).
     */
    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof UsernamePasswordCredential password) {
            return validate(password);
        }
        if (credential instanceof ApiTokenCredential token) {
            return validate(token);
        }
        return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return users.verify(credential.getCaller(), credential.getPasswordAsString())
                .map(u -> new CredentialValidationResult(u.getUsername(), Users.groupsOf(u)))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    public CredentialValidationResult validate(ApiTokenCredential credential) {
        return apiAccess
                .grantOfToken(credential.token())
                .map(g -> new CredentialValidationResult(g.username(), g.groups()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
