package io.lotabots.audit.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static final byte[] EVENT = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);

    @Test
    void genesisIsThirtyTwoZeroBytes() {
        assertArrayEquals(new byte[32], AuditChain.genesis());
    }

    @Test
    void changingAGenesisCopyDoesNotChangeGenesis() {
        AuditChain.genesis()[0] = 1;

        assertArrayEquals(new byte[32], AuditChain.genesis());
    }

    @Test
    void aLinkIsTheSha256OfThePreviousHashFollowedByTheEvent() {
        // python3: hashlib.sha256(b'\0' * 32 + b'{"a":1}').hexdigest()
        assertEquals(
                "b06a229070741292512e8760f470dd7a4c46ccfdf253df781d88dabe58c1ccb1",
                HexFormat.of().formatHex(AuditChain.link(AuditChain.genesis(), EVENT)));
    }

    @Test
    void theSameEventAfterADifferentPreviousHashGivesADifferentLink() {
        var first = AuditChain.link(AuditChain.genesis(), EVENT);

        assertFalse(Arrays.equals(first, AuditChain.link(first, EVENT)));
    }

    @Test
    void refusesAPreviousHashThatIsNotThirtyTwoBytes() {
        assertThrows(IllegalArgumentException.class, () -> AuditChain.link(new byte[31], EVENT));
        assertThrows(IllegalArgumentException.class, () -> AuditChain.link(new byte[0], EVENT));
    }
}
