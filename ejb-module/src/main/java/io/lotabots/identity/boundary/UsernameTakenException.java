package io.lotabots.identity.boundary;

import jakarta.ejb.ApplicationException;

/** The tenant already has a user of that name (compared without case). */
@ApplicationException(rollback = true)
public class UsernameTakenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsernameTakenException(String username) {
        super("The tenant already has a user named '" + username + "'.");
    }
}
