package com.mailroom.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OutboundHostsTest {

    private static Optional<Text> refusal(String host, String address, Set<String> allowed) throws Exception {
        return OutboundHosts.refusal(host, new InetAddress[] {InetAddress.getByName(address)}, allowed);
    }

    @Test
    void thisMachineTheLinkAndMetadataServicesAreRefused() throws Exception {
        assertTrue(refusal("localhost", "127.0.0.1", Set.of())
                .orElseThrow()
                .english()
                .contains("this machine"));
        assertTrue(refusal("smtp.example.com", "127.0.1.1", Set.of()).isPresent(), "a name resolving to loopback");
        assertTrue(refusal("::1", "::1", Set.of()).isPresent());
        assertTrue(refusal("0.0.0.0", "0.0.0.0", Set.of()).isPresent());
        assertTrue(refusal("169.254.169.254", "169.254.169.254", Set.of())
                .orElseThrow()
                .english()
                .contains("metadata"));
        assertTrue(refusal("fe80::1", "fe80::1", Set.of()).isPresent());
        assertTrue(refusal("fd00:ec2::254", "fd00:ec2::254", Set.of()).isPresent(), "AWS's IPv6 metadata");
        assertTrue(OutboundHosts.refusal("Metadata.Google.Internal.", new InetAddress[0], Set.of())
                .isPresent());
    }

    @Test
    void privateNetworksAndPublicHostsAreAllowed() throws Exception {
        assertEquals(Optional.empty(), refusal("relay.corp", "10.1.2.3", Set.of()));
        assertEquals(Optional.empty(), refusal("relay.corp", "192.168.0.25", Set.of()));
        assertEquals(Optional.empty(), refusal("smtp.office365.com", "52.96.0.1", Set.of()));
    }

    @Test
    void theOperatorsListAllowsByNameOrAddress() throws Exception {
        assertEquals(Optional.empty(), refusal("localhost", "127.0.0.1", Set.of("localhost")));
        assertEquals(Optional.empty(), refusal("mail.local", "127.0.0.1", Set.of("127.0.0.1")));
        assertEquals(Optional.empty(), refusal("[::1]", "::1", Set.of("::1")));
        assertTrue(refusal("other.local", "127.0.0.2", Set.of("127.0.0.1")).isPresent());
    }
}
