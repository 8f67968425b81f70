package io.lotabots.devservices;

import java.util.Locale;

/** The Liberty server variables that tell the application where its dependencies are. */
enum LibertyVariable {
    DB_URL("lotabots.db.url"),
    DB_USER("lotabots.db.user"),
    DB_PASSWORD("lotabots.db.password"),
    REDIS_URL("lotabots.redis.url"),
    S3_ENDPOINT("lotabots.s3.endpoint"),
    S3_ACCESS_KEY("lotabots.s3.access-key"),
    S3_SECRET_KEY("lotabots.s3.secret-key"),
    S3_PATH_STYLE("lotabots.s3.path-style"),
    S3_REGION("lotabots.s3.region"),
    KEYS_FILE("lotabots.keys.file"),
    BOOTSTRAP_ADMIN_PASSWORD("lotabots.identity.bootstrap.admin-password"),
    METRICS_PASSWORD("lotabots.metrics.password");

    private final String key;

    LibertyVariable(String key) {
        this.key = key;
    }

    String key() {
        return key;
    }

    /** Liberty resolves an otherwise undefined variable from the environment variable of this name. */
    String environmentName() {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }
}
