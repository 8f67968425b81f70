package io.lotabots.resources.boundary;

import io.lotabots.platform.json.Json;
import io.lotabots.platform.refusal.Refusal;
import io.lotabots.resources.control.Quota;
import jakarta.ejb.ApplicationException;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * A request refused because it would take the tenant past one of its quotas: which quota, what the tenant
 * uses of it now, its limit, what the request needed, and for the daily CPU budget when it renews. Nothing
 * the request started is kept.
 */
@ApplicationException(rollback = true)
public class QuotaExceededException extends Refusal {

    private static final long serialVersionUID = 1L;

    private final Quota quota;
    private final BigDecimal used;
    private final long limit;
    private final BigDecimal requested;
    private final long retryAfterSeconds;

    QuotaExceededException(Quota quota, BigDecimal used, long limit, BigDecimal requested, long retryAfterSeconds) {
        super(refusal(quota, used, limit, requested, retryAfterSeconds));
        this.quota = quota;
        this.used = used;
        this.limit = limit;
        this.requested = requested;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** {@code quota-exceeded} naming the quota and its figures; the daily CPU budget is a rate (429, Retry-After). */
    private static Refusal.Builder refusal(
            Quota quota, BigDecimal used, long limit, BigDecimal requested, long retryAfterSeconds) {
        boolean rate = quota == Quota.CPU_SECONDS_PER_DAY;
        var builder = Refusal.builder(
                        rate ? Refusal.Kind.RATE_LIMITED : Refusal.Kind.QUOTA_EXCEEDED,
                        "quota-exceeded",
                        "Quota exceeded")
                .detail(message(quota, used, limit, requested))
                .member("quota", Json.createValue(quota.label()))
                .member("used", Json.createValue(used))
                .member("limit", Json.createValue(limit))
                .member("requested", Json.createValue(requested));
        return rate ? builder.retryAfter(Duration.ofSeconds(retryAfterSeconds)) : builder;
    }

    private static String message(Quota quota, BigDecimal used, long limit, BigDecimal requested) {
        return switch (quota) {
            case STORED_MODEL_BYTES -> "Storing " + requested.toPlainString() + " more model bytes would pass the"
                    + " tenant's quota of " + limit + " bytes (" + used.toPlainString()
                    + " in use or being uploaded). Delete models or ask for a larger quota.";
            case CONCURRENT_JOBS -> "The tenant already runs " + used.toPlainString() + " verification job(s), its"
                    + " quota of " + limit + " at once. Retry when one has finished.";
            case CPU_SECONDS_PER_DAY -> "The tenant's verification jobs have used " + used.toPlainString()
                    + " of their " + limit + " CPU-seconds today (UTC). Retry after the day ends.";
        };
    }

    public Quota quota() {
        return quota;
    }

    public BigDecimal used() {
        return used;
    }

    public long limit() {
        return limit;
    }

    public BigDecimal requested() {
        return requested;
    }

    /** For the daily CPU budget, the seconds until it renews; 0 for the other quotas. */
    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
