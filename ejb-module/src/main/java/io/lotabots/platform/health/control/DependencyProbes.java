package io.lotabots.platform.health.control;

import io.lotabots.platform.cache.RedisConnection;
import io.lotabots.platform.health.boundary.Dependency;
import io.lotabots.platform.messaging.JobTransport;
import io.lotabots.platform.storage.ObjectStore;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/** One cheap round trip per dependency; each returns a short description or throws. */
@ApplicationScoped
public class DependencyProbes {

    @Resource(lookup = "jdbc/lotabots")
    DataSource dataSource;

    @Inject
    JobTransport transport;

    @Inject
    RedisConnection redis;

    @Inject
    ObjectStore objectStore;

    public String probe(Dependency dependency) {
        return switch (dependency) {
            case POSTGRESQL -> postgres();
            case REDIS -> redis();
            case S3 -> s3();
            case MESSAGING -> messaging();
        };
    }

    private String postgres() {
        try (Connection c = dataSource.getConnection()) {
            if (!c.isValid(2)) {
                throw new IllegalStateException("connection not valid");
            }
            // the product name only: readiness is public, and a version tells attackers which CVEs apply
            return c.getMetaData().getDatabaseProductName() + " reachable";
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private String redis() {
        boolean pong = redis.client()
                .getRedisNodes(org.redisson.api.redisnode.RedisNodes.SINGLE)
                .pingAll(2, TimeUnit.SECONDS);
        if (!pong) {
            throw new IllegalStateException("no PONG");
        }
        return "PONG";
    }

    private String s3() {
        objectStore.ping();
        return "bucket " + objectStore.bucket();
    }

    private String messaging() {
        if (transport.kind() == JobTransport.Kind.RABBITMQ) {
            // a connection proves the broker answers; browsing RabbitMQ's queue would take and return its messages
            try (var connection = transport.connectionFactory().createConnection()) {
                connection
                        .createSession(false, jakarta.jms.Session.AUTO_ACKNOWLEDGE)
                        .close();
                return "RabbitMQ queue " + transport.queueName() + " reachable";
            } catch (jakarta.jms.JMSException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        try (var context = transport.connectionFactory().createContext();
                var browser = context.createBrowser(transport.queue())) {
            browser.getEnumeration().hasMoreElements();
            return "queue " + transport.queueName() + " reachable";
        } catch (jakarta.jms.JMSException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
