package io.lotabots.attestation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testkit.tpm.AkKind;
import io.lotabots.testkit.tpm.AttestationKey;
import io.lotabots.testkit.tpm.SoftwareTpm;
import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.DevServicesReport;
import io.lotabots.testsupport.LoadBalancer;
import io.lotabots.testsupport.Metrics;
import io.lotabots.testsupport.SecondServer;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two servers sharing PostgreSQL, Redis and S3 behind haproxy (the short form of
 * bench/cluster-kill.sh): persistent timers run once per tick across the pair; one server killed with
 * SIGKILL under a load of real hardware submissions loses no accepted job and concludes none twice,
 * and the survivor takes over the timers. The second server is the one killed (the first is the
 * test server the other tests use).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterFailoverIT {

    private static final String SEALER = "audit sealer";
    private static final String RECLAIMER = "resource lease reclaimer";
    /** lotabots.timers.missed-task-threshold: how long a dead member's claim on a timer run holds. */
    private static final Duration CLAIM = Duration.ofSeconds(100);
    /** lotabots.timers.poll-interval: how often a member looks for timers to take over. */
    private static final Duration POLL = Duration.ofSeconds(100);

    private static final Duration BEFORE_KILL = Duration.ofSeconds(20);
    private static final Duration AFTER_KILL = Duration.ofSeconds(20);
    /**
     * Lease (5 s) + a sweeper tick (30 s) + the sweeper's takeover if the killed server ran it (200 s),
     * with room for a loaded machine's verifications.
     */
    private static final Duration COMPLETION = Duration.ofSeconds(400);

    private static final List<String> FINAL = List.of("VERIFIED", "REJECTED", "FAILED");

    private static SecondServer second;
    private static LoadBalancer balancer;

    @BeforeAll
    static void startCluster() {
        AttestationApi.awaitApplication();
        second = SecondServer.start();
        balancer = LoadBalancer.start(
                Path.of("target/cluster"), List.of(Integer.getInteger("it.http.port", 9080), second.httpPort()));
    }

    @AfterAll
    static void stopCluster() {
        if (balancer != null) {
            balancer.close();
        }
        if (second != null) {
            second.close(); // already killed by the last test: Liberty says it was not running
        }
    }

    @Test
    @Order(1)
    void persistentTimersRunOncePerTickAcrossBothServers() throws InterruptedException {
        Duration window = Duration.ofSeconds(60);
        long ticks = window.toSeconds() / 10; // both timers run every 10 s
        var start = new Runs(firstServerRuns(), secondServerRuns());
        Thread.sleep(window.toMillis());
        var end = new Runs(firstServerRuns(), secondServerRuns());

        for (String timer : List.of(SEALER, RECLAIMER)) {
            long onFirst = end.first(timer) - start.first(timer);
            long onSecond = end.second(timer) - start.second(timer);
            System.out.printf(
                    "%s: %d runs on the first server, %d on the second in %s%n", timer, onFirst, onSecond, window);
            // once per tick: about 6 in a minute (a late run may fall on either side); twice per tick: 12
            assertTrue(
                    onFirst + onSecond <= ticks + 2 && onFirst + onSecond >= ticks - 2,
                    timer + " ran " + (onFirst + onSecond) + " times in " + window + " across the pair");
        }
    }

    /** Waits until no accepted job is PENDING or PROCESSING (or the deadline); the status of each. */
    private static Map<UUID, String> awaitFinal(List<UUID> ids) throws SQLException, InterruptedException {
        long deadline = System.nanoTime() + COMPLETION.toNanos();
        Map<UUID, String> statuses;
        do {
            statuses = statuses(ids);
            if (statuses.size() == ids.size() && statuses.values().stream().allMatch(FINAL::contains)) {
                break;
            }
            Thread.sleep(1000);
        } while (System.nanoTime() < deadline);
        return statuses;
    }

    private static Map<UUID, String> statuses(List<UUID> ids) throws SQLException {
        try (Connection db = new DevServicesReport().database();
                var statement = db.prepareStatement("select id, status from lotabots.attestation where id = any(?)")) {
            statement.setArray(1, db.createArrayOf("uuid", ids.toArray()));
            var statuses = new HashMap<UUID, String>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    statuses.put(rows.getObject(1, UUID.class), rows.getString(2));
                }
            }
            return statuses;
        }
    }

    /** How often each job was concluded: its verdict or failure events on the audit trail. */
    private static Map<UUID, Integer> conclusions(List<UUID> ids) throws SQLException {
        try (Connection db = new DevServicesReport().database();
                var statement = db.prepareStatement(
                        """
                        select target_id, count(*) from lotabots.audit_event
                        where target_type = 'attestation' and target_id = any(?)
                          and action in ('attestation.verified', 'attestation.rejected', 'attestation.failed')
                        group by target_id""")) {
            statement.setArray(
                    1,
                    db.createArrayOf("varchar", ids.stream().map(UUID::toString).toArray()));
            var counts = new HashMap<UUID, Integer>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    counts.put(UUID.fromString(rows.getString(1)), rows.getInt(2));
                }
            }
            return counts;
        }
    }

    private static Map<String, Long> firstServerRuns() {
        return timerRuns(Metrics.scrape());
    }

    private static Map<String, Long> secondServerRuns() {
        var answer = Metrics.send(HttpRequest.newBuilder(URI.create(second.httpsUrl("/metrics")))
                .header("Authorization", Metrics.basic()));
        assertEquals(200, answer.statusCode(), "scraping the second server");
        return timerRuns(answer.body());
    }

    private static Map<String, Long> timerRuns(String exposition) {
        var runs = new HashMap<String, Long>();
        for (String timer : List.of(SEALER, RECLAIMER)) {
            double value = Metrics.value(exposition, "timer_runs_total{timer=\"" + timer + "\"}");
            runs.put(timer, value < 0 ? 0 : (long) value);
        }
        return runs;
    }

    private record Runs(Map<String, Long> onFirst, Map<String, Long> onSecond) {
        long first(String timer) {
            return onFirst.getOrDefault(timer, 0L);
        }

        long second(String timer) {
            return onSecond.getOrDefault(timer, 0L);
        }
    }

    /** One submission: when it was sent, how long its answer took, and the job id when it was accepted. */
    record Sent(UUID id, long sentAt, long nanos, String servedBy) {}

    /**
     * Real swtpm evidence, a fresh nonce for each body (one thread: the TPM serves one command at a
     * time), POSTed by four threads through the load balancer.
     */
    private final class Load {

        private final List<String> tokens;
        private final BlockingQueue<JsonObject> bodies = new ArrayBlockingQueue<>(32);
        private final List<Sent> sent = Collections.synchronizedList(new ArrayList<>());
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final ExecutorService threads = Executors.newFixedThreadPool(5);
        private final AtomicInteger unanswered = new AtomicInteger();

        Load(List<String> tokens) {
            this.tokens = tokens;
        }

        void start() {
            threads.submit(this::makeEvidence);
            for (int i = 0; i < 4; i++) {
                int n = i;
                threads.submit(() -> submit(tokens.get(n % tokens.size())));
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            threads.shutdown();
            assertTrue(threads.awaitTermination(60, TimeUnit.SECONDS), "the load stopped");
        }

        private Void makeEvidence() {
            try (SoftwareTpm tpm = SoftwareTpm.start()) {
                AttestationKey ak = tpm.createAttestationKey(AkKind.ECC_P256);
                int i = 0;
                while (running.get()) {
                    var api = ApiClient.withToken(tokens.get(i++ % tokens.size()));
                    var answer = api.postJson(balancer.url(AttestationApi.NONCES), "");
                    if (answer.statusCode() != 201) {
                        continue; // the request that met the kill: ask again
                    }
                    byte[] nonce =
                            HexFormat.of().parseHex(ApiClient.json(answer).getString("nonce"));
                    var quote = tpm.quote(ak, nonce, TpmEvidence.SELECTION);
                    while (running.get() && !bodies.offer(TpmEvidence.json(nonce, quote, ak), 1, TimeUnit.SECONDS)) {
                        // the submitters are behind: wait
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }

        private Void submit(String token) throws InterruptedException {
            var api = ApiClient.withToken(token);
            while (running.get()) {
                JsonObject body = bodies.poll(1, TimeUnit.SECONDS);
                if (body == null) {
                    continue;
                }
                long start = System.nanoTime();
                try {
                    var answer = api.postJson(balancer.url(AttestationApi.SUBMIT), body.toString());
                    long took = System.nanoTime() - start;
                    String server = answer.headers().firstValue("X-Served-By").orElse("?");
                    UUID id = answer.statusCode() == 202
                            ? UUID.fromString(ApiClient.json(answer).getString("id"))
                            : null;
                    if (id == null) {
                        unanswered.incrementAndGet();
                    }
                    sent.add(new Sent(id, start, took, server));
                } catch (RuntimeException cut) {
                    // the connection to the killed server broke mid-request: the outcome is unknown to the client
                    unanswered.incrementAndGet();
                }
            }
            return null;
        }

        List<Sent> accepted() {
            synchronized (sent) {
                return sent.stream().filter(s -> s.id() != null).toList();
            }
        }

        int unanswered() {
            return unanswered.get();
        }

        /** The accepted jobs the given server took in that are not final yet. */
        List<UUID> unfinishedServedBy(String server) throws SQLException {
            List<UUID> ids = accepted().stream()
                    .filter(s -> server.equals(s.servedBy()))
                    .map(Sent::id)
                    .toList();
            var statuses = statuses(ids);
            return ids.stream().filter(id -> !FINAL.contains(statuses.get(id))).toList();
        }

        /** The 99th percentile, in milliseconds, of the answers to submissions sent in [from, to). */
        double p99(long from, long to) {
            List<Long> nanos;
            synchronized (sent) {
                nanos = sent.stream()
                        .filter(s -> s.sentAt() >= from && s.sentAt() < to)
                        .map(Sent::nanos)
                        .sorted()
                        .toList();
            }
            if (nanos.isEmpty()) {
                return Double.NaN;
            }
            return nanos.get((int) Math.ceil(nanos.size() * 0.99) - 1) / 1e6;
        }
    }
}
