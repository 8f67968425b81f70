package io.lotabots.attestation.boundary;

import jakarta.ejb.ApplicationException;

/**
 * A submission failed after its nonce was consumed, and the nonce could not be given back: the store
 * may have committed (the commit's answer was lost), or the nonce store did not answer. The client
 * needs a new nonce; the cause says what failed.
 */
@ApplicationException
public class NonceSpentException extends RuntimeException {

    public NonceSpentException(Throwable cause) {
        super("the submission failed after its nonce was used up", cause);
    }
}
