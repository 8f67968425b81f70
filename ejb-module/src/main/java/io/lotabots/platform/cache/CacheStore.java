package io.lotabots.platform.cache;

import io.lotabots.platform.DependencyUnavailableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;
import javax.cache.Cache;
import javax.cache.CacheException;
import javax.cache.CacheManager;
import javax.cache.Caching;
import javax.cache.configuration.MutableConfiguration;
import javax.cache.expiry.CreatedExpiryPolicy;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.redisson.jcache.configuration.RedissonConfiguration;

/**
 * Named JCache caches held in Redis (Redisson's JCache provider), shared by every server, named in
 * the deployment's key namespace. Each read counts a hit or a miss in {@code
 * cache_gets_total{cache,result}}.
 */
@ApplicationScoped
public class CacheStore {

    private static final String PROVIDER = "org.redisson.jcache.JCachingProvider";
    private static final Metadata GETS = Metadata.builder()
            .withName("cache.gets")
            .withDescription("Reads of a Redis-held cache, by cache and result (hit or miss)")
            .build();

    @Inject
    RedisConnection redis;

    @Inject
    MetricRegistry metrics;

    private final ConcurrentMap<String, Cache<String, String>> caches = new ConcurrentHashMap<>();
    /** By cache name, then hit or miss: the registry's own lookup builds a metric id on every call. */
    private final ConcurrentMap<String, ConcurrentMap<String, Counter>> gets = new ConcurrentHashMap<>();

    private volatile CacheManager manager;

    /** The cached value for a key, or the loaded one (then cached); a null load is not cached. */
    public Optional<String> getOrLoad(String cacheName, Duration ttl, String key, Supplier<Optional<String>> loader) {
        var cache = cache(cacheName, ttl);
        String cached = redisCall(() -> cache.get(key));
        count(cacheName, cached != null ? "hit" : "miss");
        if (cached != null) {
            return Optional.of(cached);
        }
        var loaded = loader.get();
        loaded.ifPresent(value -> redisCall(() -> {
            cache.put(key, value);
            return null;
        }));
        return loaded;
    }

    public void evict(String cacheName, Duration ttl, String key) {
        var cache = cache(cacheName, ttl);
        redisCall(() -> cache.remove(key));
    }

    private Cache<String, String> cache(String name, Duration ttl) {
        return caches.computeIfAbsent(
                name,
                n -> redisCall(() -> {
                    String redisName = redis.key("cache", n);
                    var existing = manager().getCache(redisName, String.class, String.class);
                    if (existing != null) {
                        return existing;
                    }
                    var settings = new MutableConfiguration<String, String>()
                            .setTypes(String.class, String.class)
                            .setExpiryPolicyFactory(CreatedExpiryPolicy.factoryOf(new javax.cache.expiry.Duration(
                                    java.util.concurrent.TimeUnit.SECONDS, ttl.toSeconds())));
                    try {
                        return manager()
                                .createCache(redisName, RedissonConfiguration.fromInstance(redis.client(), settings));
                    } catch (CacheException alreadyCreatedConcurrently) {
                        return manager().getCache(redisName, String.class, String.class);
                    }
                }));
    }

    private CacheManager manager() {
        if (manager == null) {
            synchronized (this) {
                if (manager == null) {
                    // The provider's default URI with no redisson-jcache.yaml on the class path gives a
                    // manager without a client of its own: each cache gets our client explicitly.
                    var loader = getClass().getClassLoader();
                    var provider = Caching.getCachingProvider(PROVIDER, loader);
                    manager = provider.getCacheManager(provider.getDefaultURI(), loader);
                }
            }
        }
        return manager;
    }

    private void count(String cacheName, String result) {
        gets.computeIfAbsent(cacheName, name -> new ConcurrentHashMap<>())
                .computeIfAbsent(result, r -> metrics.counter(GETS, new Tag("cache", cacheName), new Tag("result", r)))
                .inc();
    }

    /** Through {@link RedisConnection#call}, so cache reads and writes are timed with every other Redis call. */
    private <T> T redisCall(Supplier<T> call) {
        try {
            return redis.call(client -> call.get());
        } catch (CacheException e) {
            throw new DependencyUnavailableException(RedisConnection.DEPENDENCY, e);
        }
    }
}
