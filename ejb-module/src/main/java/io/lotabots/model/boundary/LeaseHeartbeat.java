package io.lotabots.model.boundary;

import io.lotabots.resources.boundary.StorageReservations;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps an upload's reservation alive while the upload runs, a renewal every third of the lease: an upload
 * is often busy for long without receiving (S3 assembling the parts of a large object), and only a server
 * that died should let its reservation lapse. A client that stalls is cut off by the server's read timeout.
 */
final class LeaseHeartbeat implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LeaseHeartbeat.class.getName());

    private final ScheduledFuture<?> beats;

    LeaseHeartbeat(ScheduledExecutorService scheduler, StorageReservations reservations, UUID ownerId) {
        long every = Math.max(1, reservations.lease().toMillis() / 3);
        this.beats = scheduler.scheduleAtFixedRate(
                () -> {
                    try {
                        reservations.renew(ownerId);
                    } catch (RuntimeException e) {
                        // the upload learns of it when it next extends or settles its reservation
                        LOG.log(Level.WARNING, "Could not renew the reservation of upload " + ownerId, e);
                        throw e;
                    }
                },
                every,
                every,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        beats.cancel(false);
    }
}
