package io.lotabots.attestation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.attestation.control.AnnouncementBacklog.Outcome;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AnnouncementBacklogTest {

    /** A queue with room for {@code room} more messages; records every attempt and every accepted id. */
    private static final class FakeQueue implements AnnouncementBacklog.Sender {
        final List<UUID> accepted = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicInteger room;

        FakeQueue(int room) {
            this.room = new AtomicInteger(room);
        }

        @Override
        public boolean send(UUID jobId) {
            attempts.incrementAndGet();
            if (room.getAndUpdate(r -> r > 0 ? r - 1 : 0) == 0) {
                return false;
            }
            accepted.add(jobId);
            return true;
        }
    }

    private final AnnouncementBacklog backlog = new AnnouncementBacklog(100);

    @Test
    void anAnnouncementIsSentAtOnceWhileNothingIsHeld() {
        var queue = new FakeQueue(10);
        UUID job = UUID.randomUUID();

        assertEquals(Outcome.SENT, backlog.announce(job, queue));

        assertEquals(List.of(job), queue.accepted);
        assertEquals(0, backlog.held());
    }

    @Test
    void aRefusedAnnouncementIsHeldAndLaterOnesQueueBehindItWithoutTryingTheQueue() {
        var queue = new FakeQueue(0);
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        assertEquals(Outcome.HELD, backlog.announce(first, queue));
        queue.room.set(10);
        assertEquals(Outcome.HELD, backlog.announce(second, queue));

        assertEquals(1, queue.attempts.get(), "the second never tried the queue: it would overtake the first");
        assertEquals(2, backlog.held());
        assertEquals(List.of(), queue.accepted);
    }

    @Test
    void releaseSendsTheHeldInOrderAndStopsAtTheFirstRefusalWhichKeepsItsPlace() {
        var queue = new FakeQueue(0);
        var jobs = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        jobs.forEach(job -> backlog.announce(job, queue));

        queue.room.set(2);
        int attemptsBefore = queue.attempts.get();
        assertEquals(2, backlog.release(10, queue));

        assertEquals(jobs.subList(0, 2), queue.accepted);
        assertEquals(3, queue.attempts.get() - attemptsBefore, "two sent, one refused, then it stopped");
        assertEquals(2, backlog.held());

        queue.room.set(10);
        assertEquals(2, backlog.release(10, queue));
        assertEquals(jobs, queue.accepted, "the refused one went first once there was room");
        assertEquals(0, backlog.held());
    }

    @Test
    void releaseSendsNoMoreThanAskedFor() {
        var queue = new FakeQueue(0);
        for (int i = 0; i < 5; i++) {
            backlog.announce(UUID.randomUUID(), queue);
        }
        queue.room.set(100);

        assertEquals(2, backlog.release(2, queue));
        assertEquals(3, backlog.held());
        assertEquals(0, backlog.release(0, queue));
    }

    @Test
    void releasingAnEmptyBacklogTriesNothing() {
        var queue = new FakeQueue(10);

        assertEquals(0, backlog.release(10, queue));
        assertEquals(0, queue.attempts.get());
    }

    @Test
    void aJobAnnouncedAgainWhileHeldIsHeldOnceAndSentOnce() {
        var queue = new FakeQueue(0);
        UUID job = UUID.randomUUID();
        backlog.announce(job, queue);

        assertEquals(Outcome.HELD, backlog.announce(job, queue), "the sweeper announcing a held job again");
        assertEquals(1, backlog.held());

        queue.room.set(10);
        backlog.release(10, queue);
        assertEquals(List.of(job), queue.accepted);
    }

    @Test
    void beyondItsCapacityAJobIsLeftToTheSweeperNotHeld() {
        var small = new AnnouncementBacklog(2);
        var queue = new FakeQueue(0);

        assertEquals(Outcome.HELD, small.announce(UUID.randomUUID(), queue));
        assertEquals(Outcome.HELD, small.announce(UUID.randomUUID(), queue));
        assertEquals(Outcome.LEFT_TO_SWEEPER, small.announce(UUID.randomUUID(), queue));
        assertEquals(2, small.held());
    }

    @Test
    void withNoCapacityEveryRefusalIsLeftToTheSweeper() {
        var none = new AnnouncementBacklog(0);

        assertEquals(Outcome.LEFT_TO_SWEEPER, none.announce(UUID.randomUUID(), new FakeQueue(0)));
        assertEquals(Outcome.SENT, none.announce(UUID.randomUUID(), new FakeQueue(1)));
        assertThrows(IllegalArgumentException.class, () -> new AnnouncementBacklog(-1));
    }

    @Test
    void underConcurrentAnnouncementsAndReleasesEveryJobIsSentExactlyOnce() throws Exception {
        var large = new AnnouncementBacklog(100_000);
        var queue = new FakeQueue(0);
        int threads = 8;
        int perThread = 2_000;
        ExecutorService pool = Executors.newFixedThreadPool(threads + 2);
        var start = new CountDownLatch(1);
        var announced = Collections.synchronizedSet(new HashSet<UUID>());
        try {
            var futures = new ArrayList<Future<?>>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < perThread; i++) {
                        UUID job = UUID.randomUUID();
                        announced.add(job);
                        large.announce(job, queue);
                        if (i % 7 == 0) {
                            queue.room.addAndGet(3); // a consumer took messages
                            large.release(2, queue);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        queue.room.set(Integer.MAX_VALUE);
        large.release(Integer.MAX_VALUE, queue);

        assertEquals(threads * perThread, announced.size());
        assertEquals(announced.size(), queue.accepted.size(), "no job lost, none sent twice");
        assertEquals(announced, new HashSet<>(queue.accepted));
        assertTrue(queue.attempts.get() > queue.accepted.size(), "the queue refused some: the test held jobs");
        assertEquals(0, large.held());
    }
}
