package io.lotabots.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.Eventually;
import io.lotabots.testsupport.Metrics;
import io.lotabots.testsupport.Promtool;
import io.lotabots.testsupport.TestServerTls;
import io.lotabots.testsupport.TestTenant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;

/** What Prometheus finds on /metrics: the seed's names, their labels, bounded series, clean text. */
class MetricsExpositionIT {

    private static final TestTenant TENANT = TestTenant.create("metrics");
    /** A series line; label values may hold braces (the route templates do). */
    private static final Pattern SERIES = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)\\{(.*)} (\\S+)$");

    private static final String BY_ID = "/api/v1/attestations/{id}";
    private static final List<String> HTTP_BUCKETS =
            List.of("0.005", "0.01", "0.025", "0.05", "0.09", "0.1", "0.12", "0.25", "0.35", "0.5", "1.0", "+Inf");

    @Test
    void everyMetricTheRulesAndTheDashboardMayReadIsExposed() throws IOException {
        TENANT.admin().get("/api/v1/attestations");
        var expected = exposedMetrics();

        // the key ages appear once the key files exist, within the minute of the timer that reads them
        String text = Eventually.await(
                Duration.ofSeconds(90),
                Metrics::scrape,
                scrape -> expected.stream().allMatch(name -> scrape.contains("# TYPE " + name + " ")),
                "every metric of ops/prometheus/exposed-metrics.txt");

        for (String name : expected) {
            assertTrue(text.contains("# TYPE " + name + " "), name);
        }
    }

    @Test
    void aRequestIsCountedAndTimedByMethodRouteTemplateAndStatus() {
        var admin = TENANT.admin();
        assertEquals(404, admin.get("/api/v1/attestations/" + UUID.randomUUID()).statusCode());

        String text = Metrics.scrape();

        var counted = series(text, "http_requests_total").stream()
                .filter(s -> s.has("endpoint", BY_ID) && s.has("method", "GET") && s.has("status", "404"))
                .toList();
        assertEquals(1, counted.size(), counted.toString());
        assertTrue(counted.get(0).value() >= 1);
        assertTrue(text.contains("# TYPE http_request_duration_seconds histogram"), "a histogram");
        var buckets = series(text, "http_request_duration_seconds_bucket").stream()
                .filter(s -> s.has("endpoint", BY_ID) && s.has("method", "GET") && s.has("status", "404"))
                .map(s -> s.label("le"))
                .toList();
        assertEquals(HTTP_BUCKETS, buckets, "the SLO buckets, 5 ms to 1 s");
        assertTrue(
                series(text, "http_request_duration_seconds").stream()
                        .noneMatch(s -> s.labels().contains("quantile")),
                "no per-server quantiles");
    }

    @Test
    void aThousandDistinctIdsAreOneSeries() {
        String before = Metrics.scrape();
        var ids = new ArrayList<String>();
        // four users of 250 requests each: under the test server's burst, so none is rate-limited
        for (int user = 0; user < 4; user++) {
            var client = TENANT.userWithRoles("AUDITOR").login();
            for (int i = 0; i < 250; i++) {
                String id = UUID.randomUUID().toString();
                ids.add(id);
                assertEquals(404, client.get("/api/v1/attestations/" + id).statusCode());
            }
        }

        String after = Metrics.scrape();

        Set<String> newSeries = httpSeries(after);
        newSeries.removeAll(httpSeries(before));
        assertTrue(newSeries.size() <= 2, "at most the by-id 404 series and the logins' are new: " + newSeries);
        assertTrue(ids.stream().noneMatch(after::contains), "no id is a label value");
        assertTrue(
                count(after, BY_ID, "404") >= count(before, BY_ID, "404") + 1000,
                "every request counted under its template");
    }

    @Test
    void theApplicationsMetricsPassPromtoolWithoutAWord() {
        TENANT.admin().get("/api/v1/attestations");
        var application = Metrics.scrape("/metrics?scope=application");
        assertEquals(200, application.statusCode());

        var verdict = Promtool.checkMetrics(application.body());

        assertEquals(0, verdict.exitCode(), verdict.output());
        assertEquals("", verdict.output().strip());
    }

    @Test
    void theWholeExpositionParsesAndPromtoolsStyleNotesConcernOnlyLibertysOwnNames() {
        String text = Metrics.scrape();

        var verdict = Promtool.checkMetrics(text);

        assertTrue(verdict.exitCode() == 0 || verdict.exitCode() == 3, "parsed: " + verdict.output());
        for (String note : verdict.output().strip().lines().toList()) {
            String name = note.substring(0, note.indexOf(' '));
            var scopes =
                    series(text, name).stream().map(s -> s.label("mp_scope")).collect(Collectors.toSet());
            assertFalse(scopes.isEmpty(), "promtool names a metric that is not there: " + note);
            assertTrue(Set.of("base", "vendor").containsAll(scopes), "an application metric draws a note: " + note);
        }
    }

    @Test
    void redisAndS3CallsAreTimed() {
        TENANT.admin().get("/api/v1/attestations");

        String text = Metrics.scrape();

        assertTrue(sum(text, "redis_call_duration_seconds_count", "outcome", "success") > 0, "Redis calls");
        assertTrue(sum(text, "s3_request_duration_seconds_count", "outcome", "success") > 0, "S3 calls");
        assertTrue(
                series(text, "s3_request_duration_seconds_count").stream()
                        .allMatch(s -> s.label("operation").matches("[A-Z][A-Za-z0-9]+")),
                "operations by their S3 name");
    }

    @Test
    void theAttestationQueueDepthAndLimitAreTheMessagingEngines() {
        String text = Metrics.scrape();

        var limit = series(text, "jms_queue_max_depth").stream()
                .filter(s -> s.has("queue", "lotabots.attestations"))
                .toList();
        assertEquals(1, limit.size(), text);
        assertEquals(10.0, limit.get(0).value(), "the test server's lotabots.attestation.queue.max-depth");
        assertTrue(series(text, "jms_queue_depth").stream()
                .anyMatch(s -> s.has("queue", "lotabots.attestations") && s.value() >= 0));
        assertTrue(
                series(text, "jms_queue_depth").stream()
                        .noneMatch(s -> s.label("queue").startsWith("_PSIMP.")),
                "temporary destinations have no series");
    }

    @Test
    void theServedCertificatesExpiryIsPublished() throws Exception {
        long served;
        try (SSLSocket socket =
                TestServerTls.socket(new String[] {"TLSv1.3"}, new String[] {"TLS_AES_128_GCM_SHA256"})) {
            socket.startHandshake();
            served = ((X509Certificate) socket.getSession().getPeerCertificates()[0])
                    .getNotAfter()
                    .toInstant()
                    .getEpochSecond();
        }

        double published = Eventually.await(
                Duration.ofSeconds(60),
                () -> gauge(Metrics.scrape(), "tls_certificate_expiry_timestamp_seconds"),
                value -> !Double.isNaN(value),
                "the first read of the served certificate (every 30 s until it succeeds)");

        assertEquals(served, (long) published);
        assertTrue(published > Instant.now().getEpochSecond(), "not expired");
    }

    @Test
    void theAccessTokenKeysAgeIsPublishedAndYoungerThanTheRotationPeriod() {
        TENANT.admin();

        var age = Eventually.await(
                Duration.ofSeconds(90),
                () -> series(Metrics.scrape(), "signing_key_age_seconds").stream()
                        .filter(s -> s.has("key", "access-token-keys"))
                        .findFirst(),
                found -> found.isPresent(),
                "the key file's age (read every minute)");

        assertEquals("true", age.get().label("rotating"));
        assertTrue(
                age.get().value() >= 0
                        && age.get().value() < Duration.ofDays(90).toSeconds(),
                age.toString());
    }

    // --- reading the exposition ---

    record Series(String name, String labels, double value) {
        boolean has(String label, String value) {
            return labels.contains(label + "=\"" + value + "\"");
        }

        String label(String label) {
            var m = Pattern.compile("(?:^|,)" + label + "=\"([^\"]*)\"").matcher(labels);
            return m.find() ? m.group(1) : "";
        }
    }

    static List<Series> series(String text, String name) {
        var found = new ArrayList<Series>();
        for (String line : text.lines().toList()) {
            var m = SERIES.matcher(line);
            if (m.matches() && m.group(1).equals(name)) {
                found.add(new Series(name, m.group(2), parse(m.group(3))));
            }
        }
        return found;
    }

    private static double parse(String value) {
        return value.equals("NaN") ? Double.NaN : Double.parseDouble(value);
    }

    private static double gauge(String text, String name) {
        var all = series(text, name);
        return all.isEmpty() ? Double.NaN : all.get(0).value();
    }

    private static double sum(String text, String name, String label, String value) {
        return series(text, name).stream()
                .filter(s -> s.has(label, value))
                .mapToDouble(Series::value)
                .sum();
    }

    private static double count(String text, String endpoint, String status) {
        return series(text, "http_requests_total").stream()
                .filter(s -> s.has("endpoint", endpoint) && s.has("status", status))
                .mapToDouble(Series::value)
                .sum();
    }

    private static Set<String> httpSeries(String text) {
        return text.lines()
                .filter(l -> l.startsWith("http_requests_total{"))
                .map(l -> l.substring(0, l.lastIndexOf(' ')))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> exposedMetrics() throws IOException {
        Path file = Path.of(System.getProperty("ops.dir", "../ops"), "prometheus", "exposed-metrics.txt");
        return Files.readAllLines(file).stream()
                .map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .toList();
    }
}
