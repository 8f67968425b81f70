package io.lotabots.platform.cache;

import io.lotabots.platform.DependencyUnavailableException;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;

/**
 * The one Redisson client. It is created on first use rather than at start-up, so the server starts
 * (and reports Redis DOWN) while Redis is away, and connects as soon as it is back. Every key starts
 * with the configured namespace, so several deployments (or test runs) can share one Redis.
 */
@ApplicationScoped
public class RedisConnection {

    public static final String DEPENDENCY = "redis";

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "lotabots.redis.config", defaultValue = "redisson.yaml")
    String configFile;

    @Inject
    @ConfigProperty(name = "lotabots.redis.namespace", defaultValue = "lotabots")
    String namespace;

    @Inject
    MetricRegistry metrics;

    private volatile RedissonClient client;
    private Timer succeeded;
    private Timer failed;

    @PostConstruct
    void registerMetrics() {
        var duration = Metadata.builder()
                .withName("redis.call.duration")
                .withDescription("Time of one unit of Redis work (a script, or a few commands), by outcome")
                .build();
        succeeded = metrics.timer(duration, new Tag("outcome", "success"));
        failed = metrics.timer(duration, new Tag("outcome", "failure"));
    }

    /** A key in this deployment's namespace: {@code namespace:part:part…}. */
    public String key(String... parts) {
        return RedisKeys.join(namespace, parts);
    }

    /**
     * Runs Redis work, timed in {@code redis_call_duration_seconds{outcome}}; Redis not answering becomes
     * {@link DependencyUnavailableException} (503).
     */
    public <T> T call(Function<RedissonClient, T> work) {
        long started = System.nanoTime();
        boolean answered = false;
        try {
            T result = work.apply(client());
            answered = true;
            return result;
        } catch (RedisException e) {
            throw new DependencyUnavailableException(DEPENDENCY, e);
        } finally {
            (answered ? succeeded : failed).update(Duration.ofNanos(System.nanoTime() - started));
        }
    }

    public RedissonClient client() {
        RedissonClient c = client;
        if (c == null) {
            synchronized (this) {
                if (client == null) {
                    client = connect();
                }
                c = client;
            }
        }
        return c;
    }

    private RedissonClient connect() {
        try {
            var yaml = Path.of(System.getProperty("server.config.dir", ".")).resolve(configFile);
            return Redisson.create(RedissonConfigLoader.load(yaml, this::setting));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read Redisson config " + configFile, e);
        } catch (RedisException e) {
            throw new DependencyUnavailableException(DEPENDENCY, e);
        }
    }

    private String setting(String name) {
        return config.getOptionalValue(name, String.class).orElse(null);
    }

    @PreDestroy
    void close() {
        if (client != null) {
            client.shutdown();
        }
    }
}
