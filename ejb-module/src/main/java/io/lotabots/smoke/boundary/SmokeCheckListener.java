package io.lotabots.smoke.boundary;

import jakarta.annotation.Resource;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.MessageDrivenContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.UUID;
import java.util.logging.Logger;

/** Takes smoke jobs off the queue and hands each to {@link SmokeChecks#process}. */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "jms/smokeQueue"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
        })
public class SmokeCheckListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(SmokeCheckListener.class.getName());

    @EJB
    SmokeChecks smokeChecks;

    @Resource
    MessageDrivenContext context;

    @Override
    public void onMessage(Message message) {
        UUID id;
        try {
            id = UUID.fromString(message.getBody(String.class));
        } catch (JMSException | RuntimeException e) {
            // A message that names no job can never succeed: drop it rather than redeliver it forever.
            LOG.warning(() -> "Dropping smoke message without a job id: " + e);
            return;
        }
        if (smokeChecks.process(id) == ProcessingOutcome.NOT_VISIBLE) {
            // redelivered after the queue's redelivery interval; after the maximum it goes to the
            // exception destination, and a row that commits later is picked up by the sweeper
            context.setRollbackOnly();
        }
    }
}
