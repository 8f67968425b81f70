package io.lotabots.devservices;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * For the run command: the password Prometheus scrapes {@code /metrics} with (user {@code prometheus}),
 * generated once into an owner-only file of the data dir unless {@code LOTABOTS_METRICS_PASSWORD} is set.
 */
record LocalScrapeCredential(Path passwordFile, String password) {

    static final String PASSWORD_ENV = LibertyVariable.METRICS_PASSWORD.environmentName();

    static LocalScrapeCredential prepare(Path dataDir, Map<String, String> env) throws IOException {
        if (env.containsKey(PASSWORD_ENV)) {
            return new LocalScrapeCredential(null, null);
        }
        Path passwordFile = dataDir.resolve("metrics-password");
        return new LocalScrapeCredential(passwordFile, LocalSecretFile.readOrCreate(passwordFile, 18));
    }

    Map<LibertyVariable, String> variables() {
        return password == null ? Map.of() : Map.of(LibertyVariable.METRICS_PASSWORD, password);
    }

    String describe() {
        return password == null
                ? "[dev-services] Metrics: scrape password from " + PASSWORD_ENV
                : "[dev-services] Metrics: https /metrics as user 'prometheus', password in " + passwordFile;
    }
}
