package com.mailroom.users.control;

import com.mailroom.users.boundary.Users;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At first start, when no admin exists, creates the admin from {@code mailroom.admin.*}. Without a configured
 * password one is generated and logged this once: the only way a newcomer can sign in, and never logged again.
 */
@Singleton
@Startup
@DependsOn("Database")
public class BootstrapAdmin {

    private static final Logger LOG = Logger.getLogger(BootstrapAdmin.class.getName());

    @Inject
    Users users;

    @Inject
    @ConfigProperty(name = "mailroom.admin.username", defaultValue = "admin")
    String username;

    @Inject
    @ConfigProperty(name = "mailroom.admin.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "mailroom.admin.email", defaultValue = "admin@localhost")
    String email;

    @PostConstruct
    void createWhenNoAdmin() {
        if (users.anyAdmin()) {
            return;
        }
        boolean generated = password.filter(p -> !p.isBlank()).isEmpty();
        String secret = generated ? Tokens.random(15) : password.get();
        users.create(username, email, secret, true);
        if (generated) {
            LOG.warning("Created the admin '" + username + "' with the generated password " + secret
                    + " (shown only this once; set mailroom.admin.password to choose it). Sign in at /login.xhtml.");
        } else {
            LOG.info(() -> "Created the admin '" + username + "' with the password from mailroom.admin.password.");
        }
    }
}
