package io.lotabots.attestation.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.Queue;
import java.time.Duration;
import java.util.UUID;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * Announces a job to the attestation queue. Called only after the transaction that stored the job
 * has committed, never inside one: the message needs no two-phase commit with PostgreSQL, and it is
 * non-persistent because the job row, not the message, is the record. A message lost to a crash or
 * an unreachable queue is made good by the sweeper, which re-announces every job whose lease ran out.
 * Each send takes a context of its own from the connection pool. With the injected {@code JMSContext},
 * concurrent submissions waited on one lock inside the producer's send, for 29 % of a submission's
 * time under 32 connections.
 *
 * <p>A full queue (its high limit, {@code lotabots.attestation.queue.max-depth}) refuses sends; the
 * refused jobs are held in this server's {@link AnnouncementBacklog}, in order, and sent on as the
 * queue takes messages again ({@link #releaseHeld}), instead of waiting a lease for the sweeper. Metrics:
 * {@code attestation_announcements_held} and {@code attestation_announcements_refused_total}.
 */
@ApplicationScoped
public class AttestationQueue {

    private static final Logger LOG = Logger.getLogger(AttestationQueue.class.getName());

    private final AnnouncementRefusals refusals =
            new AnnouncementRefusals(LOG, Duration.ofSeconds(30), System::nanoTime);

    @Resource(lookup = "jms/lotabots")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/attestationQueue")
    Queue queue;

    @Inject
    @ConfigProperty(name = "lotabots.attestation.held-announcements.max", defaultValue = "100000")
    int maxHeld;

    @Inject
    MetricRegistry metrics;

    private AnnouncementBacklog backlog;
    private Counter refused;

    @PostConstruct
    void start() {
        backlog = new AnnouncementBacklog(maxHeld);
        metrics.gauge("attestation.announcements.held", backlog::held);
        refused = metrics.counter("attestation.announcements.refused");
    }

    /** Sends the job id, or holds it while the queue refuses; never throws: the job is stored either way. */
    public void announce(UUID jobId) {
        if (backlog.announce(jobId, this::send) == AnnouncementBacklog.Outcome.LEFT_TO_SWEEPER) {
            LOG.fine(() -> "Attestation " + jobId + " left to the sweeper: " + maxHeld + " announcements held");
        }
    }

    /** Sends up to {@code max} held announcements, oldest first, while the queue takes them; how many went. */
    public int releaseHeld(int max) {
        return backlog.held() == 0 ? 0 : backlog.release(max, this::send);
    }

    private boolean send(UUID jobId) {
        try (JMSContext jms = connectionFactory.createContext()) {
            jms.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT).send(queue, jobId.toString());
            return true;
        } catch (JMSRuntimeException e) {
            refused.inc();
            refusals.refused(jobId, e);
            return false;
        }
    }
}
