package io.lotabots.attestation.boundary;

import io.lotabots.attestation.entity.AttestationStatus;
import io.lotabots.attestation.entity.AttestationType;
import io.lotabots.platform.refusal.Refusal;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The aggregates behind the console's overview and {@code GET /api/v1/attestations/stats}: counted in
 * PostgreSQL (one grouped scan of the tenant's submissions in the window over the
 * {@code (tenant_id, submitted_at)} index, one join for the review queue), so both show the same numbers.
 */
@Stateless
public class AttestationStatistics {

    public static final int MAX_DAYS = 366;
    public static final int DEFAULT_DAYS = 30;

    private static final String PER_DAY =
            "select type, cast(date_trunc('day', submitted_at at time zone 'UTC') as date),"
                    + " status, count(*) from lotabots.attestation where tenant_id = ? and submitted_at >= ?"
                    + " group by 1, 2, 3";
    private static final String REVIEW_QUEUE = "select count(*) filter (where r.id is null),"
            + " count(*) filter (where r.decision = 'FLAGGED'), count(*) filter (where r.decision = 'ACCEPTED')"
            + " from lotabots.attestation a left join lotabots.attestation_review r"
            + " on r.attestation_id = a.id and r.superseded_at is null"
            + " where a.tenant_id = ? and a.status in ('VERIFIED', 'REJECTED', 'FAILED')";

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    Clock clock;

    /** The last {@code days} UTC days up to now, today included; refused outside 1..{@value #MAX_DAYS}. */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public AttestationStats of(UUID tenantId, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw Refusal.invalidField("days", "must be between 1 and " + MAX_DAYS);
        }
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate first = today.minusDays(days - 1L);
        Instant from = first.atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<AttestationType, Map<LocalDate, DayTally>> tallies = new EnumMap<>(AttestationType.class);
        for (AttestationType type : AttestationType.values()) {
            var perDay = new TreeMap<LocalDate, DayTally>();
            for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
                perDay.put(day, new DayTally());
            }
            tallies.put(type, perDay);
        }
        List<?> rows = em.createNativeQuery(PER_DAY)
                .setParameter(1, tenantId)
                .setParameter(2, OffsetDateTime.ofInstant(from, ZoneOffset.UTC))
                .getResultList();
        for (Object row : rows) {
            var columns = (Object[]) row;
            var day = ((java.sql.Date) columns[1]).toLocalDate();
            var tally =
                    tallies.get(AttestationType.valueOf((String) columns[0])).get(day);
            if (tally != null) { // a submission stamped in the future is no day of the window
                tally.add(AttestationStatus.valueOf((String) columns[2]), ((Number) columns[3]).longValue());
            }
        }
        var types = new ArrayList<AttestationStats.TypeSeries>();
        tallies.forEach((type, perDay) -> {
            var series = perDay.entrySet().stream()
                    .map(e -> e.getValue().counts(e.getKey()))
                    .toList();
            var total = series.stream()
                    .reduce(new AttestationStats.DayCounts(null, 0, 0, 0, 0, 0), AttestationStats.DayCounts::plus);
            types.add(new AttestationStats.TypeSeries(type.name(), total, series));
        });
        return new AttestationStats(from, now, days, List.copyOf(types), reviewQueue(tenantId));
    }

    private AttestationStats.ReviewQueue reviewQueue(UUID tenantId) {
        var row = (Object[])
                em.createNativeQuery(REVIEW_QUEUE).setParameter(1, tenantId).getSingleResult();
        return new AttestationStats.ReviewQueue(count(row[0]), count(row[1]), count(row[2]));
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** One day's counts of one type while the rows are read. */
    private static final class DayTally {
        private final Map<AttestationStatus, Long> byStatus = new EnumMap<>(AttestationStatus.class);

        void add(AttestationStatus status, long count) {
            byStatus.merge(status, count, Long::sum);
        }

        AttestationStats.DayCounts counts(LocalDate day) {
            long verified = byStatus.getOrDefault(AttestationStatus.VERIFIED, 0L);
            long rejected = byStatus.getOrDefault(AttestationStatus.REJECTED, 0L);
            long failed = byStatus.getOrDefault(AttestationStatus.FAILED, 0L);
            long unfinished = byStatus.getOrDefault(AttestationStatus.PENDING, 0L)
                    + byStatus.getOrDefault(AttestationStatus.PROCESSING, 0L);
            return new AttestationStats.DayCounts(
                    day, verified + rejected + failed + unfinished, verified, rejected, failed, unfinished);
        }
    }
}
