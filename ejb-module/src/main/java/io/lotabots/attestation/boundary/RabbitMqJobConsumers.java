package io.lotabots.attestation.boundary;

import io.lotabots.platform.messaging.JobTransport;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * With {@code lotabots.attestation.transport=rabbitmq}: the listener that Liberty's message-driven beans
 * cannot be for RabbitMQ (Liberty drives them only through a JCA resource adapter, and RabbitMQ ships
 * none). {@code lotabots.attestation.concurrency} container-managed threads ({@link ManagedThreadFactory})
 * each hold a connection and a client-acknowledged session on the shared queue, receive one message at a
 * time, hand it to {@link JobMessages} (what the MDB does) and acknowledge it only after the job's
 * transactions have committed. A message this server took and did not acknowledge, because it died or
 * lost the broker, goes back to the queue when its connection ends; another server receives it at once,
 * marked redelivered, and takes the job over without waiting out the dead server's lease
 * ({@link JobMessages}).
 */
@ApplicationScoped
public class RabbitMqJobConsumers {

    private static final Logger LOG = Logger.getLogger(RabbitMqJobConsumers.class.getName());
    private static final long RECEIVE_MILLIS = 1000;
    private static final long RECONNECT_MILLIS = 1000;

    @Inject
    JobTransport transport;

    @Inject
    JobMessages messages;

    @Inject
    @ConfigProperty(name = "lotabots.attestation.concurrency", defaultValue = "4")
    int consumers;

    @Resource
    ManagedThreadFactory threadFactory;

    private volatile boolean running;
    private final List<Thread> threads = new ArrayList<>();
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();

    /** Once, although each module of the EAR announces its start; nothing with the embedded transport. */
    synchronized void start(@Observes @Initialized(ApplicationScoped.class) Object start) {
        if (transport.kind() != JobTransport.Kind.RABBITMQ || running) {
            return;
        }
        running = true;
        for (int i = 1; i <= consumers; i++) {
            Thread thread = threadFactory.newThread(this::consume);
            thread.setName("attestation-rabbitmq-" + i);
            thread.start();
            threads.add(thread);
        }
        LOG.info(() -> consumers + " consumers on RabbitMQ queue " + transport.queueName());
    }

    @PreDestroy
    synchronized void stop() {
        running = false;
        for (Connection connection : connections) {
            close(connection); // ends a waiting receive; the message in hand, unacknowledged, goes back
        }
        for (Thread thread : threads) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One consumer's life: connect, take messages until stopped, connect again after a failure. */
    private void consume() {
        while (running) {
            Connection connection = null;
            try {
                connection = transport.connectionFactory().createConnection();
                connections.add(connection);
                Session session = connection.createSession(false, Session.CLIENT_ACKNOWLEDGE);
                var consumer = session.createConsumer(transport.queue());
                connection.start();
                while (running) {
                    Message message = consumer.receive(RECEIVE_MILLIS);
                    if (message != null) {
                        messages.handle(message);
                        message.acknowledge(); // after the job's commits: until now a dead server's job goes back
                    }
                }
            } catch (JMSException | RuntimeException e) {
                if (running) {
                    LOG.log(Level.WARNING, "RabbitMQ consumer failed, connecting again", e);
                    pause();
                }
            } finally {
                if (connection != null) {
                    connections.remove(connection);
                    close(connection);
                }
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RECONNECT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static void close(Connection connection) {
        try {
            connection.close();
        } catch (JMSException | RuntimeException e) {
            LOG.fine(() -> "Closing a RabbitMQ connection failed: " + e);
        }
    }
}
