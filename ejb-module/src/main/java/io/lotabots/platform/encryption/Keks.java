package io.lotabots.platform.encryption;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;

/**
 * Tenants' key-encryption keys as the encryption uses them: the current version per tenant (cached for a
 * minute, so a rotation on another server is seen within that) and every opened version (cached, so a
 * provider such as KMS is asked once per version and server).
 */
@ApplicationScoped
public class Keks {

    /** How long a server keeps wrapping under a version it saw as current. */
    static final Duration CURRENT_FOR = Duration.ofMinutes(1);
    /** A retired version stays this long even when unused: a server may still be wrapping under it. */
    static final Duration DESTROY_GRACE = CURRENT_FOR.multipliedBy(3);

    @Inject
    KekStore store;

    @Inject
    KekProviders providers;

    @Inject
    Event<KekRotated> events;

    @Inject
    Clock clock;

    private final Map<UUID, Current> current = new ConcurrentHashMap<>();
    private final Map<KekId, SecretKey> opened = new ConcurrentHashMap<>();

    /** The version new data keys of the tenant are wrapped under, and its key. */
    public record Current(KekId id, SecretKey key, Instant until) {}

    public Current current(UUID tenantId) {
        Current known = current.get(tenantId);
        Instant now = clock.instant();
        if (known != null && known.until().isAfter(now)) {
            return known;
        }
        var id = new KekId(tenantId, store.currentOrFirst(tenantId));
        var fresh = new Current(id, open(id), now.plus(CURRENT_FOR));
        current.put(tenantId, fresh);
        return fresh;
    }

    /** One version's key; a destroyed or unknown version is a {@link KekUnavailableException}. */
    public SecretKey open(KekId id) {
        SecretKey key = opened.get(id);
        if (key != null) {
            return key;
        }
        var row = store.row(id).orElseThrow(() -> new KekUnavailableException(id, "no such version"));
        if (row.destroyedAt() != null) {
            throw new KekUnavailableException(id, "destroyed");
        }
        key = providers.byName(row.provider()).open(id, row.material());
        opened.put(id, key);
        return key;
    }

    /** Makes a new version current; data keys follow by {@link DataKeys#rewrap}. */
    public KekId rotate(UUID tenantId, String actor) {
        var id = new KekId(tenantId, store.rotate(tenantId));
        current.remove(tenantId);
        events.fire(new KekRotated(KekRotated.Change.ROTATED, tenantId, id.version(), actor, 0));
        return id;
    }

    /** Destroys the tenant's retired versions no data key uses any more (after a grace period). */
    public List<KekId> destroyUnused(UUID tenantId, String actor) {
        List<KekId> destroyed = store.destroyUnused(tenantId, clock.instant().minus(DESTROY_GRACE));
        for (KekId id : destroyed) {
            opened.remove(id);
            events.fire(new KekRotated(KekRotated.Change.DESTROYED, tenantId, id.version(), actor, 0));
        }
        return destroyed;
    }

    /** Forgets one version this server holds (destroyed on another server). */
    void forgetVersion(KekId id) {
        opened.remove(id);
        current.computeIfPresent(id.tenantId(), (tenant, known) -> known.id().equals(id) ? null : known);
    }

    /** Forgets what this server holds of the tenant's keys (after crypto-shredding). */
    void forget(UUID tenantId) {
        current.remove(tenantId);
        opened.keySet().removeIf(id -> id.tenantId().equals(tenantId));
    }
}
