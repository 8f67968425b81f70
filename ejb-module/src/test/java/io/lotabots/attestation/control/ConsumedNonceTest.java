package io.lotabots.attestation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConsumedNonceTest {

    private static final UUID TENANT = UUID.randomUUID();
    private static final byte[] VALUE = {1, 2, 3, 4, 5, 6, 7, 8};

    @Test
    void aValidNonceKeepsTheExpiryItHadSoItCanBeGivenBackUnchanged() {
        var consumed = ConsumedNonce.parse(TENANT, VALUE, "VALID:1796000000123");

        assertEquals(NonceConsumption.VALID, consumed.status());
        assertEquals(1796000000123L, consumed.expiresAtMillis());
    }

    @Test
    void theOtherAnswersCarryNoExpiry() {
        for (var status :
                new NonceConsumption[] {NonceConsumption.UNKNOWN, NonceConsumption.EXPIRED, NonceConsumption.REUSED}) {
            var consumed = ConsumedNonce.parse(TENANT, VALUE, status.name());
            assertEquals(status, consumed.status());
            assertEquals(0, consumed.expiresAtMillis());
        }
    }

    @Test
    void refusesAnAnswerTheScriptNeverGives() {
        assertThrows(IllegalArgumentException.class, () -> ConsumedNonce.parse(TENANT, VALUE, "VALID"));
        assertThrows(NumberFormatException.class, () -> ConsumedNonce.parse(TENANT, VALUE, "VALID:soon"));
    }
}
