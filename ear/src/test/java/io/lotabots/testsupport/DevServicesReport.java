package io.lotabots.testsupport;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * What dev-services started for this test run (from {@code devservices.report}): the database the
 * server uses (read directly, also while the server's own connection is switched off), and the switch that
 * takes Redis, S3 or PostgreSQL away from the server and gives it back.
 */
public final class DevServicesReport {

    private final Properties properties = new Properties();

    public DevServicesReport() {
        var file = Path.of(System.getProperty("devservices.report", "target/dev-services.properties"));
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new IllegalStateException("No dev-services report at " + file, e);
        }
    }

    public String get(String key) {
        String value = properties.getProperty(key);
        if (value == null) {
            throw new IllegalStateException("dev-services report has no " + key);
        }
        return value;
    }

    public Connection database() throws SQLException {
        return DriverManager.getConnection(
                get("lotabots.db.url"), get("lotabots.db.user"), properties.getProperty("lotabots.db.password", ""));
    }

    /** Cuts (false) or restores (true) the server's connection to "redis", "s3" or "postgresql". */
    public void setReachable(String dependency, boolean reachable) {
        var uri = URI.create(
                get("chaos.control.url").replaceAll("/+$", "") + "/" + dependency + (reachable ? "/up" : "/down"));
        try {
            var response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(uri)
                                    .POST(HttpRequest.BodyPublishers.noBody())
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(uri + " answered " + response.statusCode());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
