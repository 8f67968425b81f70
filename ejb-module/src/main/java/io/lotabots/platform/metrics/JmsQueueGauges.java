package io.lotabots.platform.metrics;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@code jms_queue_depth{queue}} and {@code jms_queue_max_depth{queue}}: the messages waiting in each
 * queue of this server's messaging engine and the depth at which it refuses sends, read from the
 * engine's queue MBeans at each scrape ({@code _SYSTEM.Exception.Destination} holds the messages
 * that ran out of deliveries). Queues that appear later are picked up within a minute.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class JmsQueueGauges {

    private static final Metadata DEPTH = Metadata.builder()
            .withName("jms.queue.depth")
            .withDescription("Messages waiting in a queue of this server's messaging engine")
            .build();
    private static final Metadata MAX_DEPTH = Metadata.builder()
            .withName("jms.queue.max.depth")
            .withDescription("Depth at which the queue refuses further messages")
            .build();

    /** The engine's temporary destinations: a new random name each time, so no series of their own. */
    private static final String TEMPORARY = "_PSIMP.";

    @Inject
    MetricRegistry metrics;

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    @PostConstruct
    void start() {
        registerNewQueues();
    }

    @Schedule(minute = "*", hour = "*", persistent = false)
    void registerNewQueues() {
        for (ObjectName queue : server.queryNames(pattern(), null)) {
            String name = queue.getKeyProperty("name");
            if (name != null && !name.startsWith(TEMPORARY) && registered.add(name)) {
                var tag = new Tag("queue", name);
                metrics.gauge(DEPTH, () -> attribute(queue, "Depth"), tag);
                metrics.gauge(MAX_DEPTH, () -> attribute(queue, "MaxQueueDepth"), tag);
            }
        }
    }

    private double attribute(ObjectName queue, String attribute) {
        try {
            return ((Number) server.getAttribute(queue, attribute)).doubleValue();
        } catch (JMException | RuntimeException gone) {
            return Double.NaN;
        }
    }

    private static ObjectName pattern() {
        try {
            return new ObjectName("WebSphere:feature=wasJmsServer,type=Queue,*");
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }
}
