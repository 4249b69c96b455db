package com.mailroom.it.servers;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/** The servers besides Payara Micro 6 (the default runtime, which runs the full suite) that the WAR is proven on. */
public enum Kind {
    WILDFLY("WildFly 39.0.1.Final on JDK 17", WildFly::new),
    PAYARA_SERVER("Payara Server 6 on JDK 17", PayaraServer::new),
    PAYARA_MICRO_7("Payara Micro 7 on JDK 21+", PayaraMicro7::new);

    final String description;
    final Supplier<ServerUnderTest> start;

    Kind(String description, Supplier<ServerUnderTest> start) {
        this.description = description;
        this.start = start;
    }

    /** {@code wildfly}, {@code payara-server}, {@code payara-micro-7}: the names in {@code -Dit.servers}. */
    String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Chosen by {@code -Dit.servers} (all of them unless it says otherwise). */
    boolean chosen() {
        String chosen = System.getProperty("it.servers", "wildfly,payara-server,payara-micro-7");
        return Arrays.stream(chosen.split(",")).map(String::strip).anyMatch(id()::equals);
    }
}
