package com.mailroom.it.servers;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

/**
 * Servers that take a block of ports from one number (WildFly's port offset, Payara Server's port base): a base at
 * random whose every port is free now. Nothing is fixed, so a port taken by another build only moves the block.
 */
final class Ports {

    private Ports() {}

    static int freeBlock(int lowest, int highest, int... offsets) {
        for (int attempt = 0; attempt < 200; attempt++) {
            int base = ThreadLocalRandom.current().nextInt(lowest, highest);
            if (IntStream.of(offsets).allMatch(o -> free(base + o))) {
                return base;
            }
        }
        throw new IllegalStateException("no free block of ports found");
    }

    /** Free on every interface (a server bound to 0.0.0.0 or to 127.0.0.1 both block it). */
    static boolean free(int port) {
        if (port <= 0 || port > 65535) {
            return false;
        }
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
