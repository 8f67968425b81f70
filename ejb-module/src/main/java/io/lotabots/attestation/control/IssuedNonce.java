package io.lotabots.attestation.control;

import java.time.Instant;
import java.util.HexFormat;

/** A fresh challenge: the random bytes a TPM quote must carry as qualifying data, and when it stops counting. */
public record IssuedNonce(byte[] value, Instant expiresAt) {

    public String hex() {
        return HexFormat.of().formatHex(value);
    }
}
