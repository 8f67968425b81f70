package io.lotabots.attestation.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class VerifierThreadsTest {

    private final VerifierThreads verifierThreads = new VerifierThreads();

    @BeforeEach
    void start() {
        verifierThreads.threadFactory = new PlainThreads();
        verifierThreads.start();
    }

    @AfterEach
    void stop() {
        verifierThreads.stop();
    }

    @Test
    void runsTheJobOnALowestPriorityVerifierThreadAndReturnsWhenItIsDone() {
        var ranOn = new AtomicReference<Thread>();

        verifierThreads.runAndWait(() -> {
            sleep(50);
            ranOn.set(Thread.currentThread());
        });

        assertNotSame(Thread.currentThread(), ranOn.get());
        assertEquals(Thread.MIN_PRIORITY, ranOn.get().getPriority());
        assertTrue(
                ranOn.get().getName().startsWith("attestation-verifier-"),
                ranOn.get().getName());
    }

    @Test
    void theCallerGetsWhatTheJobThrows() {
        var failure = new IllegalStateException("PostgreSQL away");

        var thrown = assertThrows(
                IllegalStateException.class,
                () -> verifierThreads.runAndWait(() -> {
                    throw failure;
                }));

        assertSame(failure, thrown);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The container's factory adds context to its threads; these tests need none. */
    private static final class PlainThreads implements ManagedThreadFactory {
        @Override
        public Thread newThread(Runnable job) {
            return new Thread(job);
        }

        @Override
        public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
            throw new UnsupportedOperationException();
        }
    }
}
