package com.mailroom.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Who is asking, and over what: the peer's address and whether the request came over HTTPS. Behind a reverse proxy
 * the peer is the proxy; only when it is listed in {@code mailroom.http.trusted-proxies} (exact addresses,
 * comma-separated) are its {@code X-Forwarded-For} (the hop just before it) and {@code X-Forwarded-Proto} believed.
 * Anyone else could write those headers, so by default they are ignored.
 */
public final class ClientAddress {

    private static final Set<String> TRUSTED = ConfigProvider.getConfig(ClientAddress.class.getClassLoader())
            .getOptionalValues("mailroom.http.trusted-proxies", String.class)
            .orElse(List.of())
            .stream()
            .map(String::strip)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toUnmodifiableSet());

    private ClientAddress() {}

    /** The client's address (for login throttling and the audit trail). */
    public static String of(HttpServletRequest request) {
        return of(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"), TRUSTED);
    }

    /** Whether the client used HTTPS, directly or to a trusted proxy. */
    public static boolean isSecure(HttpServletRequest request) {
        return request.isSecure()
                || (TRUSTED.contains(request.getRemoteAddr())
                        && "https".equalsIgnoreCase(strip(request.getHeader("X-Forwarded-Proto"))));
    }

    static String of(String peer, String forwardedFor, Set<String> trusted) {
        if (forwardedFor == null || !trusted.contains(peer)) {
            return peer;
        }
        String[] hops = forwardedFor.split(",");
        for (int i = hops.length - 1; i >= 0; i--) { // walk back through trusted proxies to the first stranger
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trusted.contains(hop)) {
                return hop.length() <= 64 ? hop : hop.substring(0, 64);
            }
        }
        return peer;
    }

    private static String strip(String header) {
        return header == null ? null : header.strip();
    }
}
