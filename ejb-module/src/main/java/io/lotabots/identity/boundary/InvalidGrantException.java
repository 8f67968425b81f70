package io.lotabots.identity.boundary;

import jakarta.ejb.ApplicationException;

/** A refresh token that is unknown, expired, spent, or belongs to an ended session. Commits what was done. */
@ApplicationException(rollback = false)
public class InvalidGrantException extends RuntimeException {
    public InvalidGrantException(String reason) {
        super(reason);
    }
}
