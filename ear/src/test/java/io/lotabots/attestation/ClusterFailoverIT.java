package io.lotabots.attestation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testkit.tpm.AkKind;
import io.lotabots.testkit.tpm.AttestationKey;
import io.lotabots.testkit.tpm.SoftwareTpm;
import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.DevServicesReport;
import io.lotabots.testsupport.Eventually;
import io.lotabots.testsupport.LoadBalancer;
import io.lotabots.testsupport.Metrics;
import io.lotabots.testsupport.SecondServer;
import io.lotabots.testsupport.TestTenant;
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
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
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
    /** Load after the kill: the 30 s in which submissions' p99 must be back under the SLO, and 15 s to measure it. */
    private static final Duration AFTER_KILL = Duration.ofSeconds(45);

    private static final Duration RECOVERY = Duration.ofSeconds(30);
    private static final int SLO_MILLIS = 100;
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

    @Test
    @Order(2)
    void aServerKilledUnderLoadLosesNoAcceptedJobAndConcludesNoneTwice() throws Exception {
        var tenant = TestTenant.create("cluster-kill");
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var user = tenant.userWithRoles("DEVELOPER"); // three users: three rate-limit budgets
            tokens.add(tenant.accessToken(user.username(), user.password()));
        }
        balancer.awaitAllUp();
        var load = new Load(tokens);
        load.start();
        long loadStart = System.nanoTime();
        // both members must have taken submissions in, or the kill proves nothing
        try {
            Eventually.await(
                    BEFORE_KILL.plus(Duration.ofSeconds(60)),
                    () -> Duration.ofNanos(System.nanoTime() - loadStart).compareTo(BEFORE_KILL) >= 0
                            && load.acceptedBy("s1") >= 10
                            && load.acceptedBy("s2") >= 10,
                    enough -> enough,
                    "both servers to accept submissions through haproxy");
        } catch (AssertionError notBoth) {
            load.stop();
            throw new AssertionError(
                    notBoth.getMessage() + "; answers by server: " + load.answersByServer() + ", haproxy: "
                            + balancer.serverStates(),
                    notBoth);
        }

        List<UUID> unfinishedOnVictim = load.unfinishedServedBy("s2");
        long killedAt = System.nanoTime();
        second.kill();
        long firstRunsAtKill = firstServerRuns().getOrDefault(SEALER, 0L);
        Eventually.await(
                Duration.ofSeconds(10),
                () -> balancer.serverStates().get("s2"),
                state -> state.startsWith("DOWN"),
                "haproxy to take the killed server out");
        long downAfter = System.nanoTime() - killedAt;
        Thread.sleep(AFTER_KILL.toMillis());
        load.stop();

        var accepted = load.accepted();
        List<UUID> ids = accepted.stream().map(Sent::id).toList();
        Map<UUID, String> statuses = awaitFinal(ids);
        Map<UUID, Integer> conclusions = conclusions(ids);
        long completed = accepted.stream()
                .filter(s -> FINAL.contains(statuses.get(s.id())) && conclusions.getOrDefault(s.id(), 0) == 1)
                .count();
        long duplicated = conclusions.values().stream().filter(n -> n > 1).count();
        List<UUID> lost = accepted.stream()
                .filter(s -> !FINAL.contains(statuses.get(s.id())) || conclusions.getOrDefault(s.id(), 0) == 0)
                .map(Sent::id)
                .toList();
        long before = accepted.stream().filter(s -> s.sentAt() < killedAt).count();
        long byVictim = accepted.stream().filter(s -> "s2".equals(s.servedBy())).count();
        double p99Before = load.p99(Long.MIN_VALUE, killedAt);
        // "back under 100 ms within 30 s": the submissions sent from 30 s after the kill to the end of the load
        long recovered = killedAt + RECOVERY.toNanos();
        double p99Recovered = load.p99(recovered, Long.MAX_VALUE);
        System.out.printf(
                """
                | | submitted (202) | unanswered | completed | duplicated | lost | p99 ms |
                |---|---|---|---|---|---|---|
                | before the kill | %d (%d by the killed server, %d of them unfinished at the kill) | | | | | %.0f |
                | after the kill (haproxy took it out after %d ms) | %d | %d | | | | %.0f (first 10 s) / %.0f (from 30 s) |
                | all | %d | | %d | %d | %d | |
                answers by server: %s
                p99 by 5 s after the kill: %s
                """,
                before,
                byVictim,
                unfinishedOnVictim.size(),
                p99Before,
                Duration.ofNanos(downAfter).toMillis(),
                accepted.size() - before,
                load.unanswered(),
                load.p99(killedAt, killedAt + Duration.ofSeconds(10).toNanos()),
                p99Recovered,
                accepted.size(),
                completed,
                duplicated,
                lost.size(),
                load.answersByServer(),
                load.p99Windows(killedAt, Duration.ofSeconds(5)));

        assertTrue(accepted.size() > before, "submissions accepted after the kill");
        assertTrue(byVictim >= 10, "haproxy sent submissions to the server that was killed");
        assertEquals(0, duplicated, "jobs concluded more than once");
        assertEquals(List.of(), lost, "accepted jobs never concluded");
        assertEquals(accepted.size(), completed);
        // the API, answered by the survivor, agrees for every job the killed server accepted
        var api = ApiClient.withToken(tenant.accessToken(
                tenant.administrator().username(), tenant.administrator().password()));
        for (Sent job : accepted) {
            if ("s2".equals(job.servedBy())) {
                var answer = getWithinRateLimit(api, balancer.url("/api/v1/attestations/" + job.id()));
                assertEquals(200, answer.statusCode(), answer.body());
                assertEquals(
                        statuses.get(job.id()),
                        ApiClient.json(answer).getString("status"),
                        job.id().toString());
            }
        }
        if (p99Before < SLO_MILLIS) {
            assertTrue(
                    p99Recovered < SLO_MILLIS,
                    "submissions' p99 from 30 s after the kill: " + p99Recovered + " ms (before it: " + p99Before
                            + " ms)");
        } else {
            // the machine misses the SLO without any kill: the figure above is the result, not a failure
            System.out.printf(
                    "p99 before the kill %.0f ms is over %d ms already: the recovery is not judged%n",
                    p99Before, SLO_MILLIS);
        }

        // the survivor runs the timers: at once if it ran them, else once the dead server's claim lapsed
        Duration takeover = CLAIM.plus(POLL).plus(Duration.ofSeconds(40));
        long taken = Eventually.await(
                takeover,
                () -> firstServerRuns().getOrDefault(SEALER, 0L),
                runs -> runs >= firstRunsAtKill + 2,
                "the survivor to run the 10-second audit sealer twice after the kill");
        System.out.printf(
                "audit sealer on the survivor: %d runs %d s after the kill%n",
                taken - firstRunsAtKill,
                Duration.ofNanos(System.nanoTime() - killedAt).toSeconds());
    }

    /** A GET that waits out the client's rate limit (a 429's Retry-After) instead of failing on it. */
    private static java.net.http.HttpResponse<String> getWithinRateLimit(ApiClient api, String url)
            throws InterruptedException {
        while (true) {
            var answer = api.get(url);
            if (answer.statusCode() != 429) {
                return answer;
            }
            long seconds = answer.headers().firstValueAsLong("Retry-After").orElse(1);
            Thread.sleep(Duration.ofSeconds(Math.max(1, seconds)).toMillis());
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
    record Sent(UUID id, long sentAt, long nanos, String servedBy, int status) {}

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
                    sent.add(new Sent(id, start, took, server, answer.statusCode()));
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

        long acceptedBy(String server) {
            synchronized (sent) {
                return sent.stream()
                        .filter(s -> s.id() != null && server.equals(s.servedBy()))
                        .count();
            }
        }

        /** How many answers of each status each server gave ({@code s2 202} → 140, …): what went where. */
        Map<String, Long> answersByServer() {
            synchronized (sent) {
                return sent.stream()
                        .collect(Collectors.groupingBy(
                                s -> s.servedBy() + " " + s.status(), TreeMap::new, Collectors.counting()));
            }
        }

        /** The p99 of each window of the given length from {@code from} on ("0-5 s: 41 ms, …"). */
        String p99Windows(long from, Duration window) {
            var windows = new StringBuilder();
            for (long start = from; start < System.nanoTime(); start += window.toNanos()) {
                double p99 = p99(start, start + window.toNanos());
                if (!Double.isNaN(p99)) {
                    long offset = Duration.ofNanos(start - from).toSeconds();
                    windows.append("%d-%d s: %.0f ms; ".formatted(offset, offset + window.toSeconds(), p99));
                }
            }
            return windows.toString();
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
