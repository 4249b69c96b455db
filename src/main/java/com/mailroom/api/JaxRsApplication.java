package com.mailroom.api;

import com.mailroom.users.boundary.ApiAccess;
import com.mailroom.users.boundary.Users;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/**
 * The REST API under {@code /api}; who may call what is declared in web.xml and again on each resource
 * ({@link RolesAllowedCheck}). {@code /openapi} describes it
 * (with {@link OpenApiDocument}); docs/api.md is the reference in prose.
 */
@ApplicationPath("api")
@DeclareRoles({Users.ADMIN, Users.USER, ApiAccess.MAIL_SENDER})
@OpenAPIDefinition(
        info = @Info(title = "Mailroom", version = "1", description = JaxRsApplication.DESCRIPTION),
        security = {@SecurityRequirement(name = "basic"), @SecurityRequirement(name = "bearer")})
@SecuritySchemes({
    @SecurityScheme(
            securitySchemeName = "basic",
            type = SecuritySchemeType.HTTP,
            scheme = "basic",
            description = "A user's name and password."),
    @SecurityScheme(
            securitySchemeName = "bearer",
            type = SecuritySchemeType.HTTP,
            scheme = "bearer",
            description = "An access token from `POST /api/4.0/login` (the scheme `token` works too).")
})
public class JaxRsApplication extends Application {

    static final String DESCRIPTION = "The outgoing-mail module's REST API: the SMTP settings, the test mail and the"
            + " SMTP status, users and API credentials, and the outbox (`POST /api/v1/mail` queues a mail,"
            + " `POST /api/v1/mail/batch` up to 1000 at once). JSON in snake_case; unset values are null. Every call except `POST /api/4.0/login` needs an admin, by HTTP"
            + " Basic or a bearer token from `POST /api/4.0/login` of scope `admin`; a token of scope `send_mail` may"
            + " only queue mail and read the mails it queued. Every failure answers"
            + " `{\"message\", \"errors\": [{\"field\", \"message\"}]}` (ErrorBody), in English. `/api/4.0` is the"
            + " peer product's API 4.0 for integrations written against it.";
}
