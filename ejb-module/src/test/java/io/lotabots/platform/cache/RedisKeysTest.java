package io.lotabots.platform.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class RedisKeysTest {

    @Test
    void prefixesEveryKeyWithTheNamespace() {
        assertEquals("lotabots:revoked-session:42", RedisKeys.join("lotabots", "revoked-session", "42"));
    }

    @Test
    void encodesColonsInsidePartsSoPartsNeverRunTogether() {
        assertNotEquals(
                RedisKeys.join("ns", "a:b", "c"), RedisKeys.join("ns", "a", "b:c"), "tenant 'a:b' is not tenant 'a'");
        assertEquals("ns:ip:2001%3Adb8%3A%3A1", RedisKeys.join("ns", "ip", "2001:db8::1"));
    }

    @Test
    void encodesThePercentSignItself() {
        assertNotEquals(RedisKeys.join("ns", "a%3Ab"), RedisKeys.join("ns", "a:b"));
    }

    @Test
    void refusesEmptyParts() {
        assertThrows(IllegalArgumentException.class, () -> RedisKeys.join("ns", ""));
        assertThrows(IllegalArgumentException.class, () -> RedisKeys.join("", "x"));
    }
}
