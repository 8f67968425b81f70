package io.lotabots.identity.boundary;

/** No such user or API key in the caller's tenant; another tenant's ids end here too, never in a 403. */
public class IdentityNotFoundException extends IdentityRefusal {

    private static final long serialVersionUID = 1L;

    public IdentityNotFoundException(String detail) {
        super(detail);
    }
}
