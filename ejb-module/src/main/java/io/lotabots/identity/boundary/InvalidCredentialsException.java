package io.lotabots.identity.boundary;

import jakarta.ejb.ApplicationException;

/**
 * Login failed. One exception, one message, for an unknown tenant, an unknown user, a disabled user
 * and a wrong password, so an answer never tells which.
 */
@ApplicationException(rollback = false)
public class InvalidCredentialsException extends RuntimeException {
    public InvalidCredentialsException() {
        super("invalid credentials");
    }
}
