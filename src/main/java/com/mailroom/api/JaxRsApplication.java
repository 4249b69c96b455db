package com.mailroom.api;

import com.mailroom.users.boundary.ApiAccess;
import com.mailroom.users.boundary.Users;
import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API under {@code /api}; who may call what is declared in web.xml and again on each resource
 * ({@link RolesAllowedCheck}). */
@ApplicationPath("api")
@DeclareRoles({Users.ADMIN, Users.USER, ApiAccess.MAIL_SENDER})
public class JaxRsApplication extends Application {}
