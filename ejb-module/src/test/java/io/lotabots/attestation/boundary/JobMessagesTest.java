package io.lotabots.attestation.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.rabbitmq.jms.client.message.RMQTextMessage;
import io.lotabots.attestation.control.AttestationQueue;
import io.lotabots.attestation.control.VerifierThreads;
import io.lotabots.platform.messaging.JobTransport;
import jakarta.jms.JMSException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which job message lets the job be taken over from a worker whose lease still runs. */
class JobMessagesTest {

    private record Processed(UUID id, boolean orphaned) {}

    private final List<Processed> processed = new ArrayList<>();

    @Test
    void aMessageRabbitMqRedeliversIsAnOrphanedJob() throws JMSException {
        UUID id = UUID.randomUUID();
        messages(JobTransport.Kind.RABBITMQ).handle(message(id.toString(), true));
        assertEquals(List.of(new Processed(id, true)), processed);
    }

    @Test
    void aFirstDeliveryFromRabbitMqKeepsTheLease() throws JMSException {
        UUID id = UUID.randomUUID();
        messages(JobTransport.Kind.RABBITMQ).handle(message(id.toString(), false));
        assertEquals(List.of(new Processed(id, false)), processed);
    }

    @Test
    void aRedeliveryByTheEmbeddedEngineKeepsTheLease() throws JMSException {
        UUID id = UUID.randomUUID();
        messages(JobTransport.Kind.EMBEDDED).handle(message(id.toString(), true));
        assertEquals(List.of(new Processed(id, false)), processed);
    }

    @Test
    void aRedeliveredMessageWithoutAJobIdProcessesNothing() throws JMSException {
        messages(JobTransport.Kind.RABBITMQ).handle(message("not a job id", true));
        assertEquals(List.of(), processed);
    }

    private static RMQTextMessage message(String body, boolean redelivered) throws JMSException {
        var message = new RMQTextMessage();
        message.setText(body);
        message.setJMSRedelivered(redelivered);
        return message;
    }

    private JobMessages messages(JobTransport.Kind kind) {
        var messages = new JobMessages();
        messages.jobs = new AttestationJobs() {
            @Override
            public void process(UUID id, boolean orphaned) {
                processed.add(new Processed(id, orphaned));
            }
        };
        messages.verifierThreads = new VerifierThreads() {
            @Override
            public void runAndWait(Runnable job) {
                job.run();
            }
        };
        messages.queue = new AttestationQueue() {
            @Override
            public int releaseHeld(int max) {
                return 0;
            }
        };
        messages.transport = new JobTransport() {
            @Override
            public Kind kind() {
                return kind;
            }

            @Override
            public String queueName() {
                return "lotabots.attestations";
            }
        };
        return messages;
    }
}
