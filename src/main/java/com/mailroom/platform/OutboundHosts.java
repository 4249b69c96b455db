package com.mailroom.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where an admin may point Mailroom: the SMTP host and the OAuth token URL are connected to from inside the
 * operator's network, so a name or address on this machine (loopback), on the link (link-local, which includes the
 * clouds' metadata service at 169.254.169.254) or a metadata service's own name is refused — unless the operator
 * lists it in {@code mailroom.smtp.allowed-hosts} (comma-separated names or addresses; the tests and a relay on the
 * same machine need it). The operator's default relay ({@code mailroom.default-smtp.host}) is always allowed.
 * Private networks (10/8, 192.168/16 …) are allowed: internal relays live there.
 * <p>
 * The check resolves the name just before connecting; a DNS answer that changes between this check and the
 * connection (rebinding) is not caught.
 */
public final class OutboundHosts {

    static final Set<String> METADATA_NAMES = Set.of("metadata.google.internal", "metadata", "instance-data");
    private static final Set<String> ALLOWED = allowed();

    private OutboundHosts() {}

    private static Set<String> allowed() {
        var config = ConfigProvider.getConfig(OutboundHosts.class.getClassLoader());
        List<String> hosts = new ArrayList<>(config.getOptionalValues("mailroom.smtp.allowed-hosts", String.class)
                .orElse(List.of()));
        config.getOptionalValue("mailroom.default-smtp.host", String.class).ifPresent(hosts::add);
        return hosts.stream().map(h -> normalized(h)).filter(h -> !h.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** Why {@code host} may not be connected to, or empty when it may (an unknown name is left to the connection). */
    public static Optional<Text> refusal(String host) {
        if (host == null || ALLOWED.contains(normalized(host))) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return refusal(host, new InetAddress[0], ALLOWED);
        }
        return refusal(host, addresses, ALLOWED);
    }

    static Optional<Text> refusal(String host, InetAddress[] addresses, Set<String> allowed) {
        String name = normalized(host);
        if (allowed.contains(name)) {
            return Optional.empty();
        }
        if (METADATA_NAMES.contains(name)) {
            return Optional.of(Text.of("failure.hostNotAllowed.metadata", host));
        }
        for (InetAddress address : addresses) {
            if (allowed.contains(normalized(address.getHostAddress()))) {
                continue;
            }
            if (address.isLoopbackAddress() || address.isAnyLocalAddress()) {
                return Optional.of(Text.of("failure.hostNotAllowed.machine", host, address.getHostAddress()));
            }
            if (address.isLinkLocalAddress() || isMetadata(address)) {
                return Optional.of(Text.of("failure.hostNotAllowed.link", host, address.getHostAddress()));
            }
        }
        return Optional.empty();
    }

    /** Metadata services outside the link-local range: AWS's IPv6 endpoint and Alibaba Cloud's. */
    private static boolean isMetadata(InetAddress address) {
        String text = address.getHostAddress();
        return text.equals("fd00:ec2:0:0:0:0:0:254") || text.equals("100.100.100.200");
    }

    private static String normalized(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
