package io.lotabots.document.control;

import io.lotabots.platform.cache.CacheStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Document metadata and list pages in Redis (through {@link CacheStore}, so every server shares them and
 * {@code cache_gets_total} counts hits). A tenant's list pages are keyed by the tenant's list generation,
 * which every change replaces, so one eviction invalidates all of them on every server. Redis slow or down
 * is no failure: the circuit opens and reads go to PostgreSQL; an eviction Redis missed is kept and done
 * before this server's next cache read, so a change made during an outage is not hidden afterwards by a
 * page cached before it.
 */
@ApplicationScoped
public class DocumentCache {

    private static final Logger LOG = Logger.getLogger(DocumentCache.class.getName());
    static final String DOCUMENTS = "documents";
    static final String LISTS = "document-lists";
    private static final int PARSED_PAGES = 1000;

    @Inject
    CacheStore cache;

    /** Evictions Redis did not take, as {tenant, document}; bounded by the documents changed in one outage. */
    private final Set<List<UUID>> missed = ConcurrentHashMap.newKeySet();

    /** Parsed list pages by tenant, generation and query; pages of old generations age out. */
    private final Map<String, Object> parsedPages = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > PARSED_PAGES;
        }
    });

    @Inject
    @ConfigProperty(name = "lotabots.document.cache-ttl", defaultValue = "PT5M")
    Duration ttl;

    /** A document's cached JSON, or the loaded one (then cached). */
    @Timeout(1000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10_000)
    @Fallback(fallbackMethod = "loadDocument")
    public Optional<String> document(UUID tenantId, UUID id, Supplier<Optional<String>> loader) {
        evictMissed();
        return cache.getOrLoad(DOCUMENTS, ttl, tenantId + ":" + id, loader);
    }

    /**
     * A list page, {@code parse}d from its cached JSON or from the loaded one; {@code query} identifies the page
     * within the tenant. The tenant's generation is read from Redis every time; a page this server has already
     * parsed under that generation is used again without a second Redis read, since a generation's pages never
     * change (a change makes a new generation).
     */
    @Timeout(1000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10_000)
    @Fallback(fallbackMethod = "loadPage")
    public Optional<Object> page(
            UUID tenantId, String query, Supplier<Optional<String>> loader, Function<String, Object> parse) {
        evictMissed();
        String generation = cache.getOrLoad(
                        LISTS,
                        ttl,
                        "generation:" + tenantId,
                        () -> Optional.of(UUID.randomUUID().toString()))
                .orElseThrow();
        String key = tenantId + ":" + generation + ":" + query;
        Object known = parsedPages.get(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Object> page = cache.getOrLoad(LISTS, ttl, key, loader).map(parse);
        page.ifPresent(p -> parsedPages.put(key, p));
        return page;
    }

    /** Forgets a document and every list page of its tenant, after the change committed. */
    @Timeout(1000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10_000)
    @Fallback(fallbackMethod = "notEvicted")
    public void changed(UUID tenantId, UUID id) {
        missed.add(List.of(tenantId, id));
        evictMissed();
    }

    /** Does the evictions Redis missed (the one just asked for too); a Redis failure keeps the rest for later. */
    private void evictMissed() {
        if (missed.isEmpty()) {
            return;
        }
        for (List<UUID> change : List.copyOf(missed)) {
            evict(change.get(0), change.get(1));
            missed.remove(change);
        }
    }

    private void evict(UUID tenantId, UUID id) {
        cache.evict(DOCUMENTS, ttl, tenantId + ":" + id);
        cache.evict(LISTS, ttl, "generation:" + tenantId);
    }

    Optional<String> loadDocument(UUID tenantId, UUID id, Supplier<Optional<String>> loader) {
        return loader.get();
    }

    Optional<Object> loadPage(
            UUID tenantId, String query, Supplier<Optional<String>> loader, Function<String, Object> parse) {
        return loader.get().map(parse);
    }

    void notEvicted(UUID tenantId, UUID id) {
        LOG.warning(() -> "Redis did not answer: the eviction of document " + id + " waits for its return");
    }
}
