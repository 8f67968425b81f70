package io.lotabots.identity.boundary;

/**
 * Client authentication failed (RFC 6749 {@code invalid_client}): one exception for an unknown,
 * revoked or expired key and a mismatched client id, so the answer never tells which.
 */
public class InvalidClientException extends IdentityRefusal {

    private static final long serialVersionUID = 1L;

    public InvalidClientException() {
        super("invalid client");
    }
}
