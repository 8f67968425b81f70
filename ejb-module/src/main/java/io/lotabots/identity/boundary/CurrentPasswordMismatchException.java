package io.lotabots.identity.boundary;

/** A user changing their own password gave a wrong or no current password. */
public class CurrentPasswordMismatchException extends IdentityRefusal {

    private static final long serialVersionUID = 1L;

    public CurrentPasswordMismatchException() {
        super("The current password is not correct.");
    }
}
