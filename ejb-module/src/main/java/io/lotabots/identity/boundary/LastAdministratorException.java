package io.lotabots.identity.boundary;

import jakarta.ejb.ApplicationException;

/** The change would leave the tenant without an enabled administrator, and nobody could undo it. */
@ApplicationException(rollback = true)
public class LastAdministratorException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LastAdministratorException() {
        super("This is the tenant's last enabled administrator; make another user ADMIN first.");
    }
}
