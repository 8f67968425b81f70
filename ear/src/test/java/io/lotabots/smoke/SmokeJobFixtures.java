package io.lotabots.smoke;

import io.lotabots.platform.storage.ObjectStore;
import io.lotabots.smoke.entity.SmokeCheck;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.json.Json;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** Runs inside the server: writes smoke jobs the way the application does, with knobs for failure. */
@Stateless
public class SmokeJobFixtures {

    @PersistenceContext(unitName = "lotabots")
    EntityManager em;

    @Inject
    ObjectStore objectStore;

    @Resource(lookup = "jms/smokeQueue")
    Queue queue;

    @Inject
    @JMSConnectionFactory("jms/lotabots")
    JMSContext jms;

    /** Row, input object and (optionally) the job message, in this method's transaction. */
    public UUID submit(String message, Instant updatedAt, boolean sendMessage) {
        var check = SmokeCheck.pending(
                UUID.randomUUID(), message, Json.createObjectBuilder().build(), updatedAt);
        em.persist(check);
        objectStore.put(check.inputKey(), message.getBytes(StandardCharsets.UTF_8), "text/plain");
        if (sendMessage) {
            jms.createProducer().send(queue, check.id().toString());
        }
        return check.id();
    }

    /** The same writes, then a failure that rolls the whole transaction back. */
    public void submitThenFail(UUID id, String message) {
        var check = SmokeCheck.pending(id, message, Json.createObjectBuilder().build(), Instant.now());
        em.persist(check);
        objectStore.put(check.inputKey(), message.getBytes(StandardCharsets.UTF_8), "text/plain");
        jms.createProducer().send(queue, id.toString());
        em.flush();
        throw new IllegalStateException("simulated failure after every write");
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public SmokeCheck find(UUID id) {
        return em.find(SmokeCheck.class, id);
    }

    public byte[] object(String key) {
        return objectStore.get(key);
    }
}
