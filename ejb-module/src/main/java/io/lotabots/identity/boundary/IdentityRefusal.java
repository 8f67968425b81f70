package io.lotabots.identity.boundary;

import jakarta.ejb.ApplicationException;

/**
 * An identity request refused for a reason the caller can act on; nothing it started is written.
 * The REST layer turns each kind into its problem document.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class IdentityRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected IdentityRefusal(String detail) {
        super(detail);
    }
}
