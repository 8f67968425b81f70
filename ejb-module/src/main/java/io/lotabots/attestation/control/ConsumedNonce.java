package io.lotabots.attestation.control;

import java.util.UUID;

/**
 * What consuming one tenant's nonce found, and for a VALID one the expiry it had, so that a submission
 * that could not be stored can give it back as it was.
 */
public record ConsumedNonce(UUID tenantId, byte[] value, NonceConsumption status, long expiresAtMillis) {

    /** Reads the store script's answer: {@code VALID:<expiry ms>}, {@code UNKNOWN}, {@code EXPIRED} or {@code REUSED}. */
    static ConsumedNonce parse(UUID tenantId, byte[] value, String answer) {
        if (answer.startsWith("VALID:")) {
            return new ConsumedNonce(
                    tenantId, value, NonceConsumption.VALID, Long.parseLong(answer.substring("VALID:".length())));
        }
        var status = NonceConsumption.valueOf(answer);
        if (status == NonceConsumption.VALID) {
            throw new IllegalArgumentException("a VALID answer without the nonce's expiry");
        }
        return new ConsumedNonce(tenantId, value, status, 0);
    }
}
