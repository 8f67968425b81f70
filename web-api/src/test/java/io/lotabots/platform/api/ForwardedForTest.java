package io.lotabots.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ForwardedForTest {

    private final ForwardedFor behindProxies = new ForwardedFor(List.of("10.0.0.0/8", "127.0.0.1"));
    private final ForwardedFor direct = new ForwardedFor(List.of());

    @Test
    void withoutTrustedProxiesTheHeaderIsIgnored() {
        assertEquals("198.51.100.7", direct.clientOf("198.51.100.7", "203.0.113.1"));
    }

    @Test
    void aConnectionFromAnUntrustedPeerCannotChooseItsAddress() {
        assertEquals("198.51.100.7", behindProxies.clientOf("198.51.100.7", "203.0.113.1"));
    }

    @Test
    void behindATrustedProxyTheClientIsTheAddressItAppended() {
        assertEquals("203.0.113.1", behindProxies.clientOf("10.0.0.5", "203.0.113.1"));
    }

    @Test
    void addressesTheClientPrependedProveNothing() {
        assertEquals("203.0.113.1", behindProxies.clientOf("10.0.0.5", "192.0.2.66, 203.0.113.1, 10.0.0.9"));
    }

    @Test
    void whenEveryHopIsTrustedTheFirstOneIsTheClient() {
        assertEquals("10.0.0.1", behindProxies.clientOf("127.0.0.1", "10.0.0.1, 10.0.0.2"));
    }

    @Test
    void aMalformedHopStopsAtTheNearestVouchedAddress() {
        assertEquals("10.0.0.2", behindProxies.clientOf("127.0.0.1", "evil, 10.0.0.2"));
        assertEquals("10.0.0.5", behindProxies.clientOf("10.0.0.5", "not-an-address"));
    }

    @Test
    void writesIpv6InOneCanonicalForm() {
        assertEquals(
                behindProxies.clientOf("127.0.0.1", "2001:db8:0:0::1"),
                behindProxies.clientOf("127.0.0.1", "2001:db8::1"));
    }

    @Test
    void anEmptyHeaderMeansThePeer() {
        assertEquals("10.0.0.5", behindProxies.clientOf("10.0.0.5", " "));
        assertEquals("10.0.0.5", behindProxies.clientOf("10.0.0.5", null));
    }
}
