package io.lotabots.identity.boundary;

import jakarta.ejb.ApplicationException;

/**
 * The password was right but was handed out (a one-time password): the login must also name the
 * user's own new password. A kind of refused login, so clients that only know the one answer (the
 * console) refuse it like any other; it commits, so its audit event stays.
 */
@ApplicationException(rollback = false)
public class PasswordChangeRequiredException extends InvalidCredentialsException {

    private static final long serialVersionUID = 1L;
}
