package io.lotabots.identity.boundary;

/** The change would leave the tenant without an enabled administrator, and nobody could undo it. */
public class LastAdministratorException extends IdentityRefusal {

    private static final long serialVersionUID = 1L;

    public LastAdministratorException() {
        super("This is the tenant's last enabled administrator; make another user ADMIN first.");
    }
}
