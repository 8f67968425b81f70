package io.lotabots.resources.boundary;

import io.lotabots.platform.metrics.TimerRuns;
import io.lotabots.platform.storage.ObjectStore;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every 10 seconds, once per cluster (a persistent timer kept in PostgreSQL): job allocations whose lease
 * ran out free their slot, and uploads whose reservation lapsed have everything under their object prefix
 * removed from S3 (objects and unfinished multipart uploads) before the reservation goes. An S3 failure
 * leaves the reservation for the next run.
 */
@Singleton
public class LeaseReclaimer {

    private static final Logger LOG = Logger.getLogger(LeaseReclaimer.class.getName());

    @EJB
    ResourceAllocations allocations;

    @EJB
    StorageReservations reservations;

    @Inject
    ObjectStore objects;

    @Schedule(second = "*/10", minute = "*", hour = "*", persistent = true, info = "resource lease reclaimer")
    @Interceptors(TimerRuns.class)
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void reclaim() {
        int jobs = allocations.reclaimExpired();
        if (jobs > 0) {
            LOG.info(() -> "Reclaimed " + jobs + " verification job allocation(s) whose lease ran out");
        }
        for (var lapsed : reservations.lapseExpired()) {
            try {
                int removed = objects.deletePrefix(lapsed.objectPrefix());
                reservations.cancel(lapsed.ownerId());
                LOG.info(() -> "Upload " + lapsed.ownerId() + " lapsed; removed its " + removed + " stored object(s)");
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Clearing lapsed upload " + lapsed.ownerId() + " failed; retried next run", e);
            }
        }
    }
}
