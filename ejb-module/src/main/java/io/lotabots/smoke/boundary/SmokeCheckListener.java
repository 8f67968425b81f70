package io.lotabots.smoke.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
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
        smokeChecks.process(id);
    }
}
