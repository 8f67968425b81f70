package io.lotabots.smoke.boundary;

import io.lotabots.platform.cache.CacheStore;
import io.lotabots.platform.json.Json;
import io.lotabots.platform.storage.ObjectStore;
import io.lotabots.smoke.control.ResultDocument;
import io.lotabots.smoke.control.SmokeJobQueue;
import io.lotabots.smoke.entity.SmokeCheck;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * Starts smoke checks, processes them (called by the MDB) and reads them back. Final results are
 * served from the Redis cache.
 */
@Stateless
public class SmokeChecks {

    static final String CACHE = "smoke-checks";
    static final Duration CACHE_TTL = Duration.ofMinutes(10);
    private static final Jsonb JSON = JsonbBuilder.create();

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    ObjectStore objectStore;

    @Inject
    SmokeJobQueue queue;

    @Inject
    CacheStore cache;

    @Inject
    Clock clock;

    /** One transaction: the row, the input object in S3 and the job message, or none of them. */
    public SmokeCheckView start(String message) {
        var id = UUID.randomUUID();
        var details = Json.createObjectBuilder().add("length", message.length()).build();
        var check = SmokeCheck.pending(id, message, details, clock.instant());
        em.persist(check);
        objectStore.put(check.inputKey(), message.getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
        queue.enqueue(id);
        return view(check, null);
    }

    /**
     * Processes a job once; a job that is already final is skipped. A job whose row is not visible
     * yet is reported as such: with two-phase commit the message can arrive before the row's commit.
     */
    public ProcessingOutcome process(UUID id) {
        var check = em.find(SmokeCheck.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (check == null) {
            return ProcessingOutcome.NOT_VISIBLE;
        }
        if (check.status().isFinal()) {
            return ProcessingOutcome.ALREADY_FINAL;
        }
        byte[] input = objectStore.get(check.inputKey());
        String digest = ResultDocument.sha256Hex(input);
        var now = clock.instant();
        String resultKey = "smoke/" + id + "/result-" + UUID.randomUUID() + ".json";
        objectStore.put(resultKey, ResultDocument.of(id, digest, now, serverName()), "application/json");
        check.complete(resultKey, digest, now);
        return ProcessingOutcome.PROCESSED;
    }

    public Optional<SmokeCheckView> find(UUID id) {
        return cache.getOrLoad(CACHE, CACHE_TTL, id.toString(), () -> loadFinal(id))
                .map(json -> JSON.fromJson(json, SmokeCheckView.class))
                .or(() -> Optional.ofNullable(em.find(SmokeCheck.class, id)).map(c -> view(c, null)));
    }

    /** Only final checks go into the cache: they never change again. */
    private Optional<String> loadFinal(UUID id) {
        var check = em.find(SmokeCheck.class, id);
        if (check == null || !check.status().isFinal()) {
            return Optional.empty();
        }
        var result = check.resultKey() == null ? null : readJson(objectStore.get(check.resultKey()));
        return Optional.of(JSON.toJson(view(check, result)));
    }

    private static jakarta.json.JsonObject readJson(byte[] bytes) {
        try (var reader = Json.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            return reader.readObject();
        }
    }

    private static SmokeCheckView view(SmokeCheck c, jakarta.json.JsonObject result) {
        return new SmokeCheckView(
                c.id(),
                c.status().name(),
                c.message(),
                c.inputKey(),
                c.resultKey(),
                c.resultDigest(),
                c.failureReason(),
                c.attempts(),
                c.createdAt(),
                c.completedAt(),
                result);
    }

    private static String serverName() {
        return System.getProperty("wlp.server.name", "lotabots");
    }
}
