package com.mailroom.platform;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every response the application writes, error pages included (docs/pages.md "Security"). The
 * policy allows
 * scripts and styles from this site only: the pages use Faces' own faces.js and mailroom.js, never inline script
 * or style attributes, so an injected {@code <script>} or {@code onclick} cannot run. Responses the container
 * gives before any filter (the login redirect of the security layer) carry no body to protect.
 */
@WebFilter(
        urlPatterns = "/*",
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        apply(response);
        String path = request.getServletPath();
        if (path.startsWith("/admin/") || path.equals("/api") || path.startsWith("/api/")) {
            // settings, users, API credentials and tokens: nothing of it belongs in a browser's or proxy's cache
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }

    /** For answers written before this filter runs: the authentication's 401 and 429, a refused body's 413. */
    public static void apply(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
    }
}
