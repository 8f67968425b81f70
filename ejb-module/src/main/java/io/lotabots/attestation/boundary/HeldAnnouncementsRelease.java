package io.lotabots.attestation.boundary;

import io.lotabots.attestation.control.AttestationQueue;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Every second, on every server (a non-persistent timer: the held announcements are this server's):
 * sends on what the full queue refused, while it takes messages. The listener releases a few per
 * message it takes, which keeps a full queue topped up; this timer covers a queue that refused a
 * send for another reason and then had nothing left to deliver.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class HeldAnnouncementsRelease {

    /** Bounds one tick's work; what is left goes out a second later. */
    private static final int MAX_PER_TICK = 10_000;

    @Inject
    AttestationQueue queue;

    @Schedule(second = "*", minute = "*", hour = "*", persistent = false, info = "held attestation announcements")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void release() {
        queue.releaseHeld(MAX_PER_TICK);
    }
}
