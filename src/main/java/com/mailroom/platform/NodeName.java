package com.mailroom.platform;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * This node's name: {@code mailroom.node-name} when set (several nodes on one host), else the host name. Used for
 * the per-node SMTP status and as the EHLO name. Looked up once: a slow resolver must not slow every mail.
 */
public final class NodeName {

    private static final String NAME = ConfigProvider.getConfig(NodeName.class.getClassLoader())
            .getOptionalValue("mailroom.node-name", String.class)
            .orElseGet(NodeName::hostName);

    private NodeName() {}

    public static String get() {
        return NAME;
    }

    private static String hostName() {
        String env = System.getenv("HOSTNAME");
        if (env != null && !env.isBlank()) {
            return env.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
