package io.lotabots.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IpRangeTest {

    @Test
    void aSingleAddressContainsOnlyItself() {
        var range = IpRange.parse("10.1.2.3");

        assertTrue(range.contains(address("10.1.2.3")));
        assertFalse(range.contains(address("10.1.2.4")));
    }

    @Test
    void aCidrRangeContainsItsNetworkOnly() {
        var range = IpRange.parse("10.0.0.0/8");

        assertTrue(range.contains(address("10.255.0.1")));
        assertFalse(range.contains(address("11.0.0.1")));
    }

    @Test
    void prefixesNeedNotEndOnAByte() {
        var range = IpRange.parse("192.168.0.0/23");

        assertTrue(range.contains(address("192.168.1.200")));
        assertFalse(range.contains(address("192.168.2.1")));
    }

    @Test
    void ipv6RangesWorkAndNeverContainIpv4() {
        var range = IpRange.parse("fd00::/8");

        assertTrue(range.contains(address("fd12:3456::1")));
        assertFalse(range.contains(address("fe80::1")));
        assertFalse(IpRange.parse("::1").contains(address("127.0.0.1")));
    }

    @Test
    void hostNamesAreRefusedRatherThanLookedUp() {
        assertThrows(IllegalArgumentException.class, () -> IpRange.parse("proxy.internal"));
        assertEquals(Optional.empty(), IpRange.literal("localhost"));
    }

    @Test
    void refusesAPrefixLongerThanTheAddress() {
        assertThrows(IllegalArgumentException.class, () -> IpRange.parse("10.0.0.0/33"));
    }

    @Test
    void readsLiteralsWithPortsAndBrackets() {
        assertEquals(
                address("203.0.113.9"), IpRange.literal(" 203.0.113.9:4711 ").orElseThrow());
        assertEquals(
                address("2001:db8::1"), IpRange.literal("[2001:db8::1]:443").orElseThrow());
        assertEquals(Optional.empty(), IpRange.literal("unknown"));
    }

    private static InetAddress address(String literal) {
        return IpRange.literal(literal).orElseThrow();
    }
}
