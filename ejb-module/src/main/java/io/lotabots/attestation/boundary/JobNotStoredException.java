package io.lotabots.attestation.boundary;

import jakarta.ejb.ApplicationException;

/**
 * Storing a new job failed before its transaction tried to commit, so certainly nothing of it was
 * stored; the cause says why. A failure of the commit itself is not this: its outcome is unknown.
 */
@ApplicationException(rollback = true)
public class JobNotStoredException extends RuntimeException {

    public JobNotStoredException(RuntimeException cause) {
        super("the job was not stored", cause);
    }

    @Override
    public synchronized RuntimeException getCause() {
        return (RuntimeException) super.getCause();
    }
}
