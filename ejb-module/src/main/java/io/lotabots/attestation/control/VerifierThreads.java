package io.lotabots.attestation.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs attestation jobs on threads of the lowest Java priority, which {@code jvm.options} maps to a
 * higher nice value than the request threads'. A verification backlog then takes the CPU that
 * submissions and reads leave over, instead of an equal share per thread, which let a backlog slow
 * submissions down (docs/benchmarks.md). The pool holds no queue of its own: the caller, a
 * message-driven bean's thread, waits for its job, so the backlog stays in the messaging engine and
 * the jobs at once stay the listener's concurrency.
 */
@ApplicationScoped
public class VerifierThreads {

    @Resource
    ManagedThreadFactory threadFactory;

    private final AtomicInteger created = new AtomicInteger();
    private ExecutorService pool;

    @PostConstruct
    void start() {
        pool = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), job -> {
            Thread thread = threadFactory.newThread(job);
            thread.setName("attestation-verifier-" + created.incrementAndGet());
            thread.setPriority(Thread.MIN_PRIORITY);
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        pool.shutdown();
    }

    /** Runs the job on a verifier thread and returns when it is done; what it throws, the caller gets. */
    public void runAndWait(Runnable job) {
        var done = pool.submit(job);
        try {
            done.get();
        } catch (InterruptedException e) {
            // the job goes on; should the server stop meanwhile, the job's lease runs out and the sweeper takes it
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException unchecked) {
                throw unchecked;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
