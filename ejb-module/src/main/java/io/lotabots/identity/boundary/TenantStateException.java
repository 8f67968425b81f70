package io.lotabots.identity.boundary;

/** A suspension of a suspended tenant, or a resumption of an active one. */
public class TenantStateException extends IdentityRefusal {

    private static final long serialVersionUID = 1L;

    private final boolean suspended;

    TenantStateException(boolean suspended) {
        super(suspended ? "The tenant is suspended already." : "The tenant is not suspended.");
        this.suspended = suspended;
    }

    /** Whether the tenant is suspended (the suspension was refused) or active (the resumption was). */
    public boolean suspended() {
        return suspended;
    }
}
