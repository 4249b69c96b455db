package com.mailroom.platform;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * The session cookie's {@code SameSite=Lax} (docs/pages.md), set through the Servlet 6 API. {@code web.xml} says the
 * same in its {@code cookie-config}, which WildFly 39 ignores but this call it honours. Payara 6 and 7 ignore both
 * (the portable integration tests check each server), so there the cookie has no SameSite attribute.
 */
@WebListener
public class SessionCookies implements ServletContextListener {

    @Override
    public void contextInitialized(ServletContextEvent event) {
        event.getServletContext().getSessionCookieConfig().setAttribute("SameSite", "Lax");
    }
}
