package io.lotabots.identity.tokens;

import io.lotabots.platform.cache.RedisConnection;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.redisson.api.StreamMessageId;
import org.redisson.api.stream.StreamAddArgs;
import org.redisson.api.stream.StreamReadArgs;
import org.redisson.client.codec.StringCodec;

/**
 * Revoked session ids, shared by every server through one Redis stream, and checked per request
 * against a copy in memory: the token check is the platform's hottest path, and a Redis round trip
 * per request for an answer that is almost always "no" cost more than the check itself. Every
 * server reads the stream's new entries every {@code lotabots.identity.revocation.poll} (200 ms),
 * so a logout on one server is refused by all within that. A server that has not heard from Redis
 * for {@link #STALE} refuses to answer (503) rather than accept a token it may not know is revoked.
 * Stream entries older than the longest access-token life are trimmed away.
 */
@ApplicationScoped
public class SessionRevocations {

    static final Duration STALE = Duration.ofMillis(800);

    private static final Logger LOG = Logger.getLogger(SessionRevocations.class.getName());
    private static final String FIELD = "sid";
    private static final int BATCH = 10_000;

    @Inject
    Clock clock;

    @Inject
    RedisConnection redis;

    @Inject
    TokenSettings settings;

    @Inject
    @ConfigProperty(name = "lotabots.identity.revocation.poll", defaultValue = "PT0.2S")
    Duration poll;

    @Resource
    ManagedScheduledExecutorService scheduler;

    /** Session id → the moment (ms, Redis time) after which none of its tokens can still be valid. */
    private final Map<String, Long> revoked = new ConcurrentHashMap<>();

    private volatile StreamMessageId readUpTo;
    private volatile long syncedAtNanos;
    private volatile boolean everSynced;
    private ScheduledFuture<?> polling;

    /** Once, although each module of the EAR announces its start. */
    synchronized void start(@Observes @Initialized(ApplicationScoped.class) Object start) {
        if (polling == null) {
            polling = scheduler.scheduleWithFixedDelay(this::pollQuietly, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    synchronized void stop() {
        if (polling != null) {
            polling.cancel(false);
        }
    }

    public void revoke(UUID sessionId) {
        long keepMillis = keep().toMillis();
        redis.call(client -> client.<String, String>getStream(key(), StringCodec.INSTANCE)
                .add(StreamAddArgs.<String, String>entry(FIELD, sessionId.toString())
                        .trimNonStrict()
                        .minId(new StreamMessageId(clock.millis() - keepMillis))
                        .noLimit()));
        // this server knows at once; the others within one poll
        revoked.put(sessionId.toString(), clock.millis() + keepMillis);
    }

    /** Whether the session was revoked; DependencyUnavailableException when this server's copy is stale. */
    public boolean isRevoked(String sessionId) {
        if (!everSynced || System.nanoTime() - syncedAtNanos > STALE.toNanos()) {
            poll(); // the scheduler may be late (a cold start, a long pause): catch up on this thread
        }
        return revoked.containsKey(sessionId);
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Cannot read revoked sessions from Redis", e);
        }
    }

    /** Reads the entries added since the last read (all still relevant ones on the first). */
    synchronized void poll() {
        long started = System.nanoTime();
        long keepMillis = keep().toMillis();
        StreamMessageId from = readUpTo;
        if (from == null) {
            from = new StreamMessageId(clock.millis() - keepMillis);
        }
        Map<StreamMessageId, Map<String, String>> entries;
        do {
            StreamMessageId after = from;
            entries = redis.call(client -> client.<String, String>getStream(key(), StringCodec.INSTANCE)
                    .read(StreamReadArgs.greaterThan(after).count(BATCH)));
            for (var entry : entries.entrySet()) {
                String sid = entry.getValue().get(FIELD);
                if (sid != null) {
                    revoked.put(sid, entry.getKey().getId0() + keepMillis);
                }
                from = later(from, entry.getKey());
            }
        } while (entries.size() == BATCH);
        readUpTo = from;
        long now = clock.millis();
        revoked.values().removeIf(until -> until < now);
        syncedAtNanos = started;
        everSynced = true;
    }

    private static StreamMessageId later(StreamMessageId a, StreamMessageId b) {
        boolean bLater = b.getId0() > a.getId0() || (b.getId0() == a.getId0() && b.getId1() > a.getId1());
        return bLater ? b : a;
    }

    private Duration keep() {
        return settings.accessTokenLifetime().plusMinutes(1);
    }

    private String key() {
        return redis.key("revoked-sessions");
    }
}
