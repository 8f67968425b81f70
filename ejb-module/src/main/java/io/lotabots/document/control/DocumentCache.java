package io.lotabots.document.control;

import io.lotabots.platform.cache.CacheStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
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
 * is no failure: the circuit opens and reads go to PostgreSQL.
 */
@ApplicationScoped
public class DocumentCache {

    private static final Logger LOG = Logger.getLogger(DocumentCache.class.getName());
    static final String DOCUMENTS = "documents";
    static final String LISTS = "document-lists";

    @Inject
    CacheStore cache;

    @Inject
    @ConfigProperty(name = "lotabots.document.cache-ttl", defaultValue = "PT5M")
    Duration ttl;

    /** A document's cached JSON, or the loaded one (then cached). */
    @Timeout(1000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10_000)
    @Fallback(fallbackMethod = "loadDocument")
    public Optional<String> document(UUID tenantId, UUID id, Supplier<Optional<String>> loader) {
        return cache.getOrLoad(DOCUMENTS, ttl, tenantId + ":" + id, loader);
    }

    /** A cached list page's JSON, or the loaded one; {@code query} identifies the page within the tenant. */
    @Timeout(1000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10_000)
    @Fallback(fallbackMethod = "loadPage")
    public Optional<String> page(UUID tenantId, String query, Supplier<Optional<String>> loader) {
        String generation = cache.getOrLoad(
                        LISTS,
                        ttl,
                        "generation:" + tenantId,
                        () -> Optional.of(UUID.randomUUID().toString()))
                .orElseThrow();
        return cache.getOrLoad(LISTS, ttl, tenantId + ":" + generation + ":" + query, loader);
    }

    /** Forgets a document and every list page of its tenant, after the change committed. */
    @Timeout(1000)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 10_000)
    @Fallback(fallbackMethod = "notEvicted")
    public void changed(UUID tenantId, UUID id) {
        cache.evict(DOCUMENTS, ttl, tenantId + ":" + id);
        cache.evict(LISTS, ttl, "generation:" + tenantId);
    }

    Optional<String> loadDocument(UUID tenantId, UUID id, Supplier<Optional<String>> loader) {
        return loader.get();
    }

    Optional<String> loadPage(UUID tenantId, String query, Supplier<Optional<String>> loader) {
        return loader.get();
    }

    void notEvicted(UUID tenantId, UUID id) {
        LOG.warning(
                () -> "Redis did not answer: document " + id + " may be served stale from the cache for up to " + ttl);
    }
}
