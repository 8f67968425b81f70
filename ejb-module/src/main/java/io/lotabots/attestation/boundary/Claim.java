package io.lotabots.attestation.boundary;

import io.lotabots.attestation.entity.AttestationType;

/** What trying to start a processing attempt found; {@code attempt} and {@code type} are set when it was CLAIMED or GAVE_UP. */
public record Claim(Kind kind, int attempt, AttestationType type) {

    public enum Kind {
        CLAIMED,
        /** No such job: the message names nothing; dropped. */
        UNKNOWN,
        /** Final already: a duplicate or late message; acknowledged and skipped. */
        ALREADY_FINAL,
        /** Another worker holds a live lease; this message is a duplicate. */
        BUSY,
        /** Out of attempts: failed now. */
        GAVE_UP
    }

    static Claim of(Kind kind) {
        return new Claim(kind, 0, null);
    }
}
