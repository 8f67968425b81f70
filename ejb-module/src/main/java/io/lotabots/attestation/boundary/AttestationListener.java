package io.lotabots.attestation.boundary;

import io.lotabots.attestation.control.AttestationQueue;
import io.lotabots.attestation.control.VerifierThreads;
import io.lotabots.platform.tracing.MessageTraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Takes attestation job ids off the queue and hands each to {@link AttestationJobs#process}, run on a
 * low-priority verifier thread ({@link VerifierThreads}) while this one waits. Not
 * transacted: the job's own steps commit in PostgreSQL, so receiving the message needs no two-phase
 * commit; a message lost with a crashed server is made good by the sweeper. Each message taken first
 * sends on up to two announcements the full queue had refused ({@link AttestationQueue#releaseHeld}):
 * the previous message's acknowledgement made room for one.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "jms/attestationQueue"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
        })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AttestationListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(AttestationListener.class.getName());

    @EJB
    AttestationJobs jobs;

    @Inject
    VerifierThreads verifierThreads;

    @Inject
    AttestationQueue queue;

    /**
     * Inside a consumer span, child of the sender's when the message carries a trace context; the job runs
     * on the verifier thread in the same span.
     */
    @Override
    public void onMessage(Message message) {
        Span span = MessageTraceContext.receive(message, AttestationQueue.QUEUE_NAME);
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
        try {
            id = UUID.fromString(message.getBody(String.class));
        } catch (JMSException | RuntimeException e) {
            LOG.warning(() -> "Dropping attestation message without a job id: " + e);
            return;
        }
        try {
            verifierThreads.runAndWait(Context.current().wrap(() -> jobs.process(id)));
        } catch (RuntimeException e) {
            // PostgreSQL away: the job keeps its state and the sweeper takes it up after the lease
            LOG.log(Level.WARNING, "Attestation " + id + " left for the sweeper", e);
        }
    }
}
