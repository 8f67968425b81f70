package io.lotabots.identity.boundary;

import jakarta.ejb.ApplicationException;

/**
 * A user changing their own password gave a wrong or no current password. Not rolled back: a
 * lockout this wrong guess started is audited in the same transaction, and nothing else changed.
 */
@ApplicationException(rollback = false)
public class CurrentPasswordMismatchException extends IdentityRefusal {

    private static final long serialVersionUID = 1L;

    public CurrentPasswordMismatchException() {
        super("The current password is not correct.");
    }
}
