package io.lotabots.identity.boundary;

import jakarta.ejb.ApplicationException;

/** No such user or API key in the caller's tenant; another tenant's ids end here too, never in a 403. */
@ApplicationException(rollback = true)
public class IdentityNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IdentityNotFoundException(String detail) {
        super(detail);
    }
}
