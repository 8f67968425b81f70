package io.lotabots.attestation.control;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Jobs stored but not yet announced because the queue refused them (it holds its high limit of
 * messages), in the order they came. While any job waits here, new announcements join the end
 * instead of trying the queue: jobs keep their order, and a full queue costs no refused send per
 * submission. Held jobs are sent on as the queue takes messages again ({@link #release}). Bounded and
 * in memory: a job beyond the bound, or lost with the server, is still PENDING in its row, and the
 * sweeper announces it after its lease.
 */
final class AnnouncementBacklog {

    /** Sends one announcement; false when the queue refused it. */
    @FunctionalInterface
    interface Sender {
        boolean send(UUID jobId);
    }

    /** What became of one announcement. */
    enum Outcome {
        SENT,
        HELD,
        /** neither sent nor held: the backlog is full, the sweeper will announce the job */
        LEFT_TO_SWEEPER
    }

    private final int capacity;
    private final ArrayDeque<UUID> order = new ArrayDeque<>();
    private final Set<UUID> members = new HashSet<>();
    /** The number held, read without the lock on every announcement. */
    private final AtomicInteger held = new AtomicInteger();

    AnnouncementBacklog(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative: " + capacity);
        }
        this.capacity = capacity;
    }

    /** Sends the announcement now if no job is held, else holds it behind them. */
    Outcome announce(UUID jobId, Sender sender) {
        if (held.get() == 0 && sender.send(jobId)) {
            return Outcome.SENT;
        }
        return hold(jobId, false) ? Outcome.HELD : Outcome.LEFT_TO_SWEEPER;
    }

    /**
     * Sends up to {@code max} held jobs, oldest first, and stops at the first the queue refuses, which
     * keeps its place at the front. Returns how many were sent.
     */
    int release(int max, Sender sender) {
        int sent = 0;
        while (sent < max) {
            UUID next = next();
            if (next == null) {
                break;
            }
            if (!sender.send(next)) {
                hold(next, true);
                break;
            }
            sent++;
        }
        return sent;
    }

    int held() {
        return held.get();
    }

    private synchronized UUID next() {
        UUID next = order.pollFirst();
        if (next != null) {
            members.remove(next);
            held.decrementAndGet();
        }
        return next;
    }

    private synchronized boolean hold(UUID jobId, boolean atFront) {
        if (members.contains(jobId)) {
            return true;
        }
        if (order.size() >= capacity) {
            return false;
        }
        members.add(jobId);
        if (atFront) {
            order.addFirst(jobId);
        } else {
            order.addLast(jobId);
        }
        held.incrementAndGet();
        return true;
    }
}
