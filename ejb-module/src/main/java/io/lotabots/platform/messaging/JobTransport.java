package io.lotabots.platform.messaging;

import com.rabbitmq.jms.admin.RMQConnectionFactory;
import com.rabbitmq.jms.admin.RMQDestination;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where background jobs (attestation jobs) are announced and taken from, chosen by {@code lotabots.attestation.transport}:
 * {@code embedded} (the default), this server's own messaging engine, whose queue the
 * message-driven {@code AttestationListener} reads; or {@code rabbitmq}, one queue in RabbitMQ shared by
 * every server, reached through RabbitMQ's JMS client and read by {@code RabbitMqJobConsumers}. Either
 * way the message is the job's id and the same {@code JobMessages} handles it.
 */
@ApplicationScoped
public class JobTransport {

    /** The attestation queue's name in the embedded messaging engine (server.xml). */
    public static final String EMBEDDED_QUEUE_NAME = "lotabots.attestations";

    /** The two transports, as the configuration names them. */
    public enum Kind {
        EMBEDDED,
        RABBITMQ
    }

    @Resource(lookup = "jms/lotabots")
    ConnectionFactory embeddedConnectionFactory;

    @Resource(lookup = "jms/attestationQueue")
    Queue embeddedQueue;

    @Inject
    @ConfigProperty(name = "lotabots.attestation.transport", defaultValue = "embedded")
    String transport;

    @Inject
    @ConfigProperty(name = "lotabots.attestation.rabbitmq.uri", defaultValue = "amqp://guest:guest@127.0.0.1:5672/%2F")
    String rabbitMqUri;

    @Inject
    @ConfigProperty(name = "lotabots.attestation.rabbitmq.queue", defaultValue = "lotabots.attestations")
    String rabbitMqQueue;

    private Kind kind;
    private ConnectionFactory connectionFactory;
    private Queue queue;

    @PostConstruct
    void choose() {
        kind = kind(transport);
        if (kind == Kind.RABBITMQ) {
            var rabbitMq = new RMQConnectionFactory();
            try {
                rabbitMq.setUri(rabbitMqUri);
            } catch (JMSException e) {
                throw new IllegalArgumentException("lotabots.attestation.rabbitmq.uri is no AMQP URI", e);
            }
            rabbitMq.setDeclareReplyToDestination(false);
            connectionFactory = rabbitMq;
            // a durable queue of that name in RabbitMQ, declared by the first server that uses it
            queue = new RMQDestination(rabbitMqQueue, true, false);
        } else {
            connectionFactory = embeddedConnectionFactory;
            queue = embeddedQueue;
        }
    }

    /** The configuration's value as a transport; anything else stops the application's start. */
    public static Kind kind(String value) {
        try {
            return Kind.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "lotabots.attestation.transport must be embedded or rabbitmq, not '" + value + "'", e);
        }
    }

    public Kind kind() {
        return kind;
    }

    public ConnectionFactory connectionFactory() {
        return connectionFactory;
    }

    public Queue queue() {
        return queue;
    }

    /** The queue's name, as spans and probes name it. */
    public String queueName() {
        return kind == Kind.RABBITMQ ? rabbitMqQueue : EMBEDDED_QUEUE_NAME;
    }
}
