package io.lotabots.identity.boundary;

import jakarta.ejb.ApplicationException;

/** The caller's If-Match names a version the row no longer has: someone changed it in between. */
@ApplicationException(rollback = true)
public class VersionMismatchException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long currentVersion;

    public VersionMismatchException(long currentVersion) {
        super("The user was changed since you read it; read it again and retry.");
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
