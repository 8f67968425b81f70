package io.lotabots.identity.boundary;

/** The caller's If-Match names a version the row no longer has: someone changed it in between. */
public class VersionMismatchException extends IdentityRefusal {

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
