package io.lotabots.resources.boundary;

import jakarta.ejb.ApplicationException;
import java.util.UUID;

/**
 * An upload's reservation is gone or lapsed: it made no progress for longer than its lease and the lease
 * timer has reclaimed (or is reclaiming) what it stored. The upload cannot continue.
 */
@ApplicationException(rollback = true)
public class ReservationLapsedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ReservationLapsedException(UUID ownerId) {
        super("The reservation of upload " + ownerId + " lapsed: it made no progress for longer than its lease");
    }
}
