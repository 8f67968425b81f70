package io.lotabots.platform.ratelimit;

import io.lotabots.platform.cache.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.redisson.api.RScript;
import org.redisson.client.codec.StringCodec;

/**
 * Takes one request from a client's bucket in Redis: one key and one script call per request, with
 * Redis's own clock so servers with drifting clocks still share one limit. Counts refusals in {@code
 * ratelimit_rejected_total}. Redis not answering is a {@code DependencyUnavailableException}.
 */
@ApplicationScoped
public class RateLimiter {

    /**
     * KEYS[1] the client's full-again moment (µs); ARGV interval and tolerance (µs). Returns
     * {passed (1/0), backlog µs}. The key expires when the bucket is full again.
     */
    private static final String TAKE =
            """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
            local interval = tonumber(ARGV[1])
            local tolerance = tonumber(ARGV[2])
            local tat = tonumber(redis.call('GET', KEYS[1]) or now)
            if tat < now then tat = now end
            local next_tat = tat + interval
            if next_tat - now > tolerance then
              return {0, tat - now}
            end
            redis.call('SET', KEYS[1], string.format('%.0f', next_tat), 'PX', math.ceil((next_tat - now) / 1000))
            return {1, next_tat - now}""";

    @Inject
    RedisConnection redis;

    @Inject
    MetricRegistry metrics;

    @Inject
    @ConfigProperty(name = "lotabots.ratelimit.enabled", defaultValue = "true")
    boolean enabled;

    @Inject
    @ConfigProperty(name = "lotabots.ratelimit.requests", defaultValue = "1000")
    int requests;

    @Inject
    @ConfigProperty(name = "lotabots.ratelimit.window", defaultValue = "PT60S")
    Duration window;

    @Inject
    @ConfigProperty(name = "lotabots.ratelimit.burst", defaultValue = "50")
    int burst;

    private static final Metadata REJECTED = Metadata.builder()
            .withName("ratelimit.rejected")
            .withDescription("Requests refused with 429 because their client's bucket was empty")
            .build();

    private volatile RateLimitPolicy policy;

    /** Checks the settings at start-up rather than on the first request, and shows the counter from zero. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object start) {
        policy();
        rejected();
    }

    public boolean enabled() {
        return enabled;
    }

    public RateLimitPolicy policy() {
        if (policy == null) {
            policy = new RateLimitPolicy(requests, window, burst);
        }
        return policy;
    }

    /** Takes one request from the bucket of a client ("sub:…" or "ip:…"). */
    public RateLimitDecision take(String client) {
        var limits = policy();
        String key = redis.key("ratelimit", client);
        List<Object> answer = redis.call(c -> c.getScript(StringCodec.INSTANCE)
                .eval(
                        key,
                        RScript.Mode.READ_WRITE,
                        TAKE,
                        RScript.ReturnType.MULTI,
                        List.of(key),
                        Long.toString(limits.emissionIntervalMicros()),
                        Long.toString(limits.toleranceMicros())));
        var decision = limits.decide(number(answer.get(0)) == 1, number(answer.get(1)));
        if (!decision.allowed()) {
            rejected().inc();
        }
        return decision;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private Counter rejected() {
        return metrics.counter(REJECTED);
    }
}
