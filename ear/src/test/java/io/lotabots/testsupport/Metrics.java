package io.lotabots.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * Reads the server's {@code /metrics} (Prometheus text) as Prometheus does: over HTTPS with the scrape
 * credential (user {@code prometheus}, the password arquillian.xml sets).
 */
public final class Metrics {

    public static final String SCRAPE_USER = "prometheus";
    public static final String SCRAPE_PASSWORD = "integration-tests-only-Metrics-Pass";

    private Metrics() {}

    /** The whole exposition; fails the test unless the server answers 200. */
    public static String scrape() {
        var answer = scrape("/metrics");
        if (answer.statusCode() != 200) {
            throw new AssertionError("scraping /metrics answered " + answer.statusCode());
        }
        return answer.body();
    }

    /** A scrape of {@code path} (e.g. {@code /metrics?scope=application}) with the scrape credential. */
    public static HttpResponse<String> scrape(String path) {
        return send(HttpRequest.newBuilder(TestServerTls.uri(path)).header("Authorization", basic()));
    }

    /** The {@code Authorization} value of the scrape credential. */
    public static String basic() {
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((SCRAPE_USER + ":" + SCRAPE_PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    public static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            var built = request.timeout(Duration.ofSeconds(30)).build();
            SecretsSeen.inAuthorization(
                    built.headers().firstValue("Authorization").orElse(null));
            return TestServerTls.httpClient().send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The value of a series, written here without the {@code mp_scope} label that MicroProfile Metrics
     * adds; -1 if absent.
     */
    public static double value(String prometheusText, String series) {
        int brace = series.indexOf('{');
        String name = series.substring(0, brace);
        String labels = series.substring(brace + 1, series.length() - 1);
        var line = Pattern.compile("^" + Pattern.quote(name) + "\\{(.*)\\} (\\S+)$", Pattern.MULTILINE)
                .matcher(prometheusText);
        while (line.find()) {
            if (labels.isEmpty() || line.group(1).contains(labels)) {
                return Double.parseDouble(line.group(2));
            }
        }
        return -1;
    }
}
