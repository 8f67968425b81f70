package io.lotabots.platform.health.boundary;

/** The external parts the platform cannot work without, by the name operators see. */
public enum Dependency {
    POSTGRESQL("postgresql"),
    REDIS("redis"),
    S3("s3"),
    MESSAGING("messaging");

    private final String label;

    Dependency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
