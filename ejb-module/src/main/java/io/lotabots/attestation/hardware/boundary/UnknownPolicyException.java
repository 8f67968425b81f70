package io.lotabots.attestation.hardware.boundary;

/** A submission named a policy the tenant does not have; nothing was stored and no nonce consumed. */
public class UnknownPolicyException extends Exception {

    private final String policy;

    public UnknownPolicyException(String policy) {
        super("The tenant has no hardware attestation policy named '" + policy + "'.");
        this.policy = policy;
    }

    public String policy() {
        return policy;
    }
}
