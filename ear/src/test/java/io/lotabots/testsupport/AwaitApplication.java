package io.lotabots.testsupport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Holds the integration tests until the application reports ready. Liberty's start goal returns when the
 * server's kernel is up; on a loaded machine the application's migrations and start-up ran minutes later, and
 * the first test classes failed against an empty schema. Unit tests (no {@code app.base.url}) are not held.
 */
public final class AwaitApplication implements LauncherSessionListener {

    private static final Duration LIMIT = Duration.ofMinutes(10);

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String base = System.getProperty("app.base.url");
        if (base == null) {
            return;
        }
        var client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        var request = HttpRequest.newBuilder(URI.create(base + "/health/ready"))
                .timeout(Duration.ofSeconds(30))
                .build();
        Instant until = Instant.now().plus(LIMIT);
        while (Instant.now().isBefore(until)) {
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        System.err.println("[AwaitApplication] " + base + "/health/ready did not answer 200 within " + LIMIT
                + "; the tests start anyway");
    }
}
