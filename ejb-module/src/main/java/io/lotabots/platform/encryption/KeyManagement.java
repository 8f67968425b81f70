package io.lotabots.platform.encryption;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What administrators and timers do with tenants' keys: rotate (a new KEK version, then every data key
 * re-wrapped in batches; S3 content untouched), destroy retired versions nothing uses, report ages and
 * re-wrap progress, and crypto-shred a tenant (the privacy erasure builds on {@link #shred}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class KeyManagement {

    @Inject
    Keks keks;

    @Inject
    KekStore store;

    @Inject
    DataKeys dataKeys;

    @Inject
    EncryptionSettings settings;

    @Inject
    Event<KekRotated> events;

    @Inject
    Clock clock;

    /** What a rotation did. */
    public record Rotation(KekId current, long rewrapped, List<KekId> destroyed) {}

    /** One KEK version as an administrator sees it. */
    public record KekStatus(
            UUID tenantId,
            int version,
            String provider,
            String state,
            Instant createdAt,
            long ageSeconds,
            long dataKeys) {}

    /** Rotates the tenant's KEK now and re-wraps all its data keys under the new version. */
    public Rotation rotateNow(UUID tenantId, String actor) {
        KekId current = keks.rotate(tenantId, actor);
        long rewrapped = rewrapAll(tenantId);
        return new Rotation(current, rewrapped, keks.destroyUnused(tenantId, actor));
    }

    /**
     * The timer's round: rotates every tenant whose current KEK is older than the rotation period, finishes
     * re-wrapping left over by an interrupted rotation, and destroys retired versions nothing uses.
     */
    public int rotateDue() {
        Instant due = clock.instant().minus(Duration.ofDays(settings.rotationDays()));
        Map<UUID, Boolean> tenants = new HashMap<>();
        for (var row : store.all()) {
            if (row.destroyedAt() != null) {
                continue;
            }
            boolean old = row.retiredAt() == null && row.createdAt().isBefore(due);
            tenants.merge(row.id().tenantId(), old, Boolean::logicalOr);
        }
        int rotated = 0;
        for (var tenant : tenants.entrySet()) {
            if (tenant.getValue()) {
                rotateNow(tenant.getKey(), "system");
                rotated++;
            } else {
                rewrapAll(tenant.getKey());
                keks.destroyUnused(tenant.getKey(), "system");
            }
        }
        return rotated;
    }

    /**
     * Crypto-shredding: destroys every KEK version of the tenant and removes its data keys, so everything it
     * stored becomes unreadable (reads fail as {@link TamperedObjectException}); returns how many data keys
     * went. Every server of the cluster drops its cached keys of the tenant ({@link KeyEvictions}).
     */
    public long shred(UUID tenantId, String actor) {
        long removed = store.shred(tenantId);
        dataKeys.forgetTenant(tenantId);
        events.fire(new KekRotated(KekRotated.Change.SHREDDED, tenantId, 0, actor, removed));
        return removed;
    }

    /** Every KEK version with its age and how many data keys it wraps (re-wrap progress: the retired ones' counts). */
    public List<KekStatus> status(UUID tenantIdOrNull) {
        Map<KekId, Long> counts = new HashMap<>();
        for (Object[] row : dataKeys.countsByKek()) {
            counts.put(new KekId((UUID) row[0], (Integer) row[1]), (Long) row[2]);
        }
        Instant now = clock.instant();
        List<KekStatus> status = new ArrayList<>();
        for (var row : store.all()) {
            if (tenantIdOrNull != null && !tenantIdOrNull.equals(row.id().tenantId())) {
                continue;
            }
            String state = row.destroyedAt() != null ? "DESTROYED" : row.retiredAt() != null ? "RETIRED" : "CURRENT";
            status.add(new KekStatus(
                    row.id().tenantId(),
                    row.id().version(),
                    row.provider(),
                    state,
                    row.createdAt(),
                    Duration.between(row.createdAt(), now).toSeconds(),
                    counts.getOrDefault(row.id(), 0L)));
        }
        return status;
    }

    /** The configured rotation period. */
    public int rotationDays() {
        return settings.rotationDays();
    }

    private long rewrapAll(UUID tenantId) {
        long total = 0;
        int batch;
        do {
            batch = dataKeys.rewrap(tenantId);
            total += batch;
        } while (batch > 0);
        return total;
    }
}
