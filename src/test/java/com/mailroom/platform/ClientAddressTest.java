package com.mailroom.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class ClientAddressTest {

    @Test
    void forwardedHeadersOfAStrangerAreIgnored() {
        assertEquals("203.0.113.9", ClientAddress.of("203.0.113.9", "10.0.0.1", Set.of()));
        assertEquals("203.0.113.9", ClientAddress.of("203.0.113.9", "10.0.0.1", Set.of("10.0.0.2")));
    }

    @Test
    void behindTrustedProxiesTheFirstUntrustedHopCounts() {
        var proxies = Set.of("10.0.0.2", "10.0.0.3");
        assertEquals("198.51.100.7", ClientAddress.of("10.0.0.2", "198.51.100.7", proxies));
        // the client may write any X-Forwarded-For of its own: only the hop the proxy added is believed
        assertEquals("198.51.100.7", ClientAddress.of("10.0.0.2", "1.2.3.4, 198.51.100.7, 10.0.0.3", proxies));
        assertEquals("10.0.0.2", ClientAddress.of("10.0.0.2", " , ", proxies));
        assertEquals("10.0.0.2", ClientAddress.of("10.0.0.2", null, proxies));
    }
}
