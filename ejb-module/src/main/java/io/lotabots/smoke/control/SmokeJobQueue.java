package io.lotabots.smoke.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.util.UUID;

/**
 * Sends a job id to the smoke queue. Inside a transaction the message is delivered only when the
 * transaction commits, together with the row it announces.
 */
@ApplicationScoped
public class SmokeJobQueue {

    @Inject
    @JMSConnectionFactory("jms/lotabots")
    JMSContext jms;

    @Resource(lookup = "jms/smokeQueue")
    Queue queue;

    public void enqueue(UUID jobId) {
        jms.createProducer().send(queue, jobId.toString());
    }
}
