package com.mailroom.api;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API under {@code /api}; who may call what is declared once, in web.xml. */
@ApplicationPath("api")
@DeclareRoles({"admin", "user"})
public class JaxRsApplication extends Application {}
