package io.lotabots.identity.boundary;

/** A tenant of that name exists already (the platform pseudo-tenant's name is refused before this). */
public class TenantNameTakenException extends IdentityRefusal {

    private static final long serialVersionUID = 1L;

    public TenantNameTakenException(String name) {
        super("A tenant named '" + name + "' exists already.");
    }
}
