package io.lotabots.attestation.boundary;

import io.lotabots.attestation.control.AttestationQueue;
import io.lotabots.attestation.control.VerifierThreads;
import io.lotabots.platform.messaging.JobTransport;
import io.lotabots.platform.tracing.MessageTraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What happens to one job message, whichever transport brought it ({@link AttestationListener} from the
 * embedded engine, {@link RabbitMqJobConsumers} from RabbitMQ): the job id is handed to
 * {@link AttestationJobs#process}, run on a low-priority verifier thread ({@link VerifierThreads}) while
 * the caller's thread waits, inside a consumer span that continues the sender's trace. Returns once the
 * job's own transactions have committed (or it was left for the sweeper), so the caller may acknowledge
 * the message then. Each message taken first sends on up to two announcements the full queue had refused
 * ({@link AttestationQueue#releaseHeld}): the previous message's acknowledgement made room for one.
 */
@ApplicationScoped
public class JobMessages {

    private static final Logger LOG = Logger.getLogger(JobMessages.class.getName());

    @EJB
    AttestationJobs jobs;

    @Inject
    VerifierThreads verifierThreads;

    @Inject
    AttestationQueue queue;

    @Inject
    JobTransport transport;

    public void handle(Message message) {
        Span span = MessageTraceContext.receive(message, transport.queueName());
        try (var scope = span.makeCurrent()) {
            take(message);
        } catch (RuntimeException | Error e) {
            span.setStatus(StatusCode.ERROR, e.getClass().getSimpleName());
            throw e;
        } finally {
            span.end();
        }
    }

    private void take(Message message) {
        queue.releaseHeld(2);
        UUID id;
        boolean orphaned;
        try {
            id = UUID.fromString(message.getBody(String.class));
            orphaned = orphaned(message);
        } catch (JMSException | RuntimeException e) {
            LOG.warning(() -> "Dropping attestation message without a job id: " + e);
            return;
        }
        try {
            verifierThreads.runAndWait(Context.current().wrap(() -> jobs.process(id, orphaned)));
        } catch (RuntimeException e) {
            // PostgreSQL away: the job keeps its state and the sweeper takes it up after the lease
            LOG.log(Level.WARNING, "Attestation " + id + " left for the sweeper", e);
        }
    }

    /**
     * RabbitMQ redelivers a message only when the consumer that held it unacknowledged lost its
     * connection (a dead or cut-off server): that server's claim on the job need not be waited out. The
     * embedded engine's redelivery says no such thing.
     */
    private boolean orphaned(Message message) throws JMSException {
        return transport.kind() == JobTransport.Kind.RABBITMQ && message.getJMSRedelivered();
    }
}
