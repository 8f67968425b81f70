package io.lotabots.identity.boundary;

import jakarta.ejb.ApplicationException;

/** A user changing their own password gave a wrong or no current password. */
@ApplicationException(rollback = true)
public class CurrentPasswordMismatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CurrentPasswordMismatchException() {
        super("The current password is not correct.");
    }
}
