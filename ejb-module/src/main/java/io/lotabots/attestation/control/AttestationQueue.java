package io.lotabots.attestation.control;

import io.lotabots.platform.messaging.JobTransport;
import io.lotabots.platform.tracing.MessageTraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.JMSRuntimeException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Announces a job to the attestation queue ({@link JobTransport}: this server's messaging engine or
 * RabbitMQ). Called only after the transaction that stored the job
 * has committed, never inside one: the message needs no two-phase commit with PostgreSQL, and it is
 * non-persistent because the job row, not the message, is the record. A message lost to a crash or
 * an unreachable queue is made good by the sweeper, which re-announces every job whose lease ran out.
 *
 * <p>Announcements are handed to one sender thread ({@code attestation-announcer}), which keeps its JMS
 * context open and sends them in the order they came. A request thread only enqueues: taking a
 * context from the connection pool for each send (Liberty's connection manager looks a method up
 * reflectively, and fails, on every allocation) was a visible share of the server's CPU; a context
 * shared by the request threads made them wait on one lock inside the producer's send
 * (docs/benchmarks.md). The hand-over is bounded
 * ({@code lotabots.attestation.held-announcements.max}); beyond it, or lost with the server, a job is
 * a PENDING row the sweeper announces after its lease.
 *
 * <p>A full queue (its high limit, {@code lotabots.attestation.queue.max-depth}) refuses sends; the
 * refused jobs are held in this server's {@link AnnouncementBacklog}, in order, and sent on as the
 * queue takes messages again ({@link #releaseHeld}), instead of waiting a lease for the sweeper. Metrics:
 * {@code attestation_announcements_held} and {@code attestation_announcements_refused_total}.
 */
@ApplicationScoped
public class AttestationQueue {

    private static final Logger LOG = Logger.getLogger(AttestationQueue.class.getName());
    /** The queue's name in the messaging engine (server.xml), as spans name it. */
    public static final String QUEUE_NAME = JobTransport.EMBEDDED_QUEUE_NAME;

    private final AnnouncementRefusals refusals =
            new AnnouncementRefusals(LOG, Duration.ofSeconds(30), System::nanoTime);

    @Inject
    JobTransport transport;

    @Inject
    @ConfigProperty(name = "lotabots.attestation.held-announcements.max", defaultValue = "100000")
    int maxHeld;

    @Inject
    MetricRegistry metrics;

    @Resource
    ManagedThreadFactory threadFactory;

    private static final Metadata HELD = Metadata.builder()
            .withName("attestation.announcements.held")
            .withDescription("Jobs this server holds back from a full attestation queue, sent on as it drains")
            .build();
    private static final Metadata REFUSED = Metadata.builder()
            .withName("attestation.announcements.refused")
            .withDescription("Job announcements the attestation queue refused because it was full")
            .build();

    private AnnouncementBacklog backlog;
    private Counter refused;
    private ThreadPoolExecutor sender;
    /** The sender thread's own context and producer, touched by that thread only. */
    private JMSContext senderContext;

    private JMSProducer senderProducer;

    @PostConstruct
    void start() {
        backlog = new AnnouncementBacklog(maxHeld);
        metrics.gauge(HELD, backlog::held);
        refused = metrics.counter(REFUSED);
        sender = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(maxHeld), job -> {
            Thread thread = threadFactory.newThread(job);
            thread.setName("attestation-announcer");
            return thread;
        });
    }

    @PreDestroy
    void stop() {
        sender.shutdown();
        try {
            if (sender.awaitTermination(5, TimeUnit.SECONDS)) {
                closeSenderContext();
            } else {
                sender.shutdownNow(); // what is left are PENDING rows: the sweeper announces them
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Hands the job id to the sender thread, which sends it or holds it while the queue refuses; never
     * throws: the job is stored either way.
     */
    public void announce(UUID jobId) {
        // the trace of the request that stored the job continues in the message (sent from another thread)
        Context trace = Context.current();
        try {
            sender.execute(() -> announceNow(jobId, trace));
        } catch (RejectedExecutionException e) {
            LOG.fine(() -> "Attestation " + jobId + " left to the sweeper: " + maxHeld + " announcements waiting");
        }
    }

    private void announceNow(UUID jobId, Context trace) {
        if (backlog.announce(jobId, id -> sendOnSenderContext(id, trace))
                == AnnouncementBacklog.Outcome.LEFT_TO_SWEEPER) {
            LOG.fine(() -> "Attestation " + jobId + " left to the sweeper: " + maxHeld + " announcements held");
        }
    }

    /** Sends up to {@code max} held announcements, oldest first, while the queue takes them; how many went. */
    public int releaseHeld(int max) {
        return backlog.held() == 0 ? 0 : backlog.release(max, this::send);
    }

    /** The sender thread's send; after any failure (a full queue or a broken connection) it starts afresh. */
    private boolean sendOnSenderContext(UUID jobId, Context trace) {
        Span span = Span.getInvalid();
        try {
            if (senderContext == null) {
                senderContext = transport.connectionFactory().createContext();
                senderProducer = senderContext.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT);
            }
            span = MessageTraceContext.send(trace, transport.queueName(), senderProducer);
            senderProducer.send(transport.queue(), jobId.toString());
            return true;
        } catch (RuntimeException e) { // not only JMS's: an exception out of here would end the sender thread
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            closeSenderContext();
            return refused(jobId, e);
        } finally {
            span.end();
        }
    }

    /** The release's send, from the listener's and the timer's threads: rare, so a context each time. */
    private boolean send(UUID jobId) {
        try (JMSContext jms = transport.connectionFactory().createContext()) {
            jms.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT).send(transport.queue(), jobId.toString());
            return true;
        } catch (JMSRuntimeException e) {
            return refused(jobId, e);
        }
    }

    private boolean refused(UUID jobId, RuntimeException e) {
        refused.inc();
        refusals.refused(jobId, e);
        return false;
    }

    private void closeSenderContext() {
        if (senderContext != null) {
            try {
                senderContext.close();
            } catch (RuntimeException e) {
                LOG.fine(() -> "Closing the announcer's JMS context failed: " + e);
            }
            senderContext = null;
            senderProducer = null;
        }
    }
}
