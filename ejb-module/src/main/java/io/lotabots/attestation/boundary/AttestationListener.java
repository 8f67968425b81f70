package io.lotabots.attestation.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Takes attestation job ids off the embedded messaging engine's queue and hands each message to
 * {@link JobMessages}, which runs the job. Not transacted: the job's own steps commit in PostgreSQL, so
 * receiving the message needs no two-phase commit; a message lost with a crashed server is made good
 * by the sweeper. With {@code lotabots.attestation.transport=rabbitmq} nothing is sent to this queue
 * and {@link RabbitMqJobConsumers} takes the jobs instead.
 */
@MessageDriven(
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "jms/attestationQueue"),
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
        })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AttestationListener implements MessageListener {

    @Inject
    JobMessages messages;

    @Override
    public void onMessage(Message message) {
        messages.handle(message);
    }
}
