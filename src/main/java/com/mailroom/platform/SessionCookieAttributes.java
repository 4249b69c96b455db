package com.mailroom.platform;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The session cookie always carries {@code SameSite=Lax}, and {@code Secure} whenever the request came over HTTPS,
 * directly or through a trusted proxy ({@link ClientAddress#isSecure}). Payara 6 and 7 ignore SameSite in web.xml and
 * in the Servlet API ({@link SessionCookies}), and the container writes the cookie itself, past any response
 * wrapper, so this filter amends the {@code Set-Cookie} headers while they can still change: right after it opens a
 * page request's session, before a redirect or error (the session id changes at login), and after the chain. The
 * API never has a session (a cookie never authenticates it) and is left alone.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST)
public class SessionCookieAttributes extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getServletPath().startsWith("/api/")) {
            chain.doFilter(request, response);
            return;
        }
        String name = request.getServletContext().getSessionCookieConfig().getName();
        String cookieName = name == null || name.isBlank() ? "JSESSIONID" : name;
        boolean secure = ClientAddress.isSecure(request);
        Runnable amend = () -> amend(response, cookieName, secure);
        if (isPage(request)) {
            request.getSession(true); // pages keep their views in the session: open it while headers can change
            amend.run();
        }
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void sendRedirect(String location) throws IOException {
                amend.run();
                super.sendRedirect(location);
            }

            @Override
            public void sendError(int status, String message) throws IOException {
                amend.run();
                super.sendError(status, message);
            }

            @Override
            public void sendError(int status) throws IOException {
                amend.run();
                super.sendError(status);
            }

            @Override
            public void flushBuffer() throws IOException {
                amend.run();
                super.flushBuffer();
            }
        });
        amend.run();
    }

    private static boolean isPage(HttpServletRequest request) {
        String path = request.getServletPath();
        return path.endsWith(".xhtml") || path.equals("/") || path.isEmpty();
    }

    private static void amend(HttpServletResponse response, String cookieName, boolean secure) {
        if (response.isCommitted()) {
            return;
        }
        List<String> headers = new ArrayList<>(response.getHeaders("Set-Cookie"));
        List<String> amended =
                headers.stream().map(h -> withAttributes(h, cookieName, secure)).toList();
        if (amended.equals(headers)) {
            return;
        }
        response.setHeader("Set-Cookie", amended.get(0));
        amended.stream().skip(1).forEach(h -> response.addHeader("Set-Cookie", h));
    }

    /** The header with SameSite=Lax and (over HTTPS) Secure added, when it sets the session cookie. */
    static String withAttributes(String header, String cookieName, boolean secure) {
        if (!header.startsWith(cookieName + "=")) {
            return header;
        }
        String lower = header.toLowerCase(Locale.ROOT);
        String result = header;
        if (!lower.contains("; samesite=") && !lower.contains(";samesite=")) {
            result += "; SameSite=Lax";
        }
        if (secure && !lower.matches(".*;\\s*secure(;.*|\\s*)$")) {
            result += "; Secure";
        }
        return result;
    }
}
