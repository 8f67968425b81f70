package io.lotabots.attestation.policy;

import io.lotabots.attestation.entity.AttestationType;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The policy version a submission pins, remembered for a moment ({@code
 * lotabots.attestation.policy-pin-ttl}, default 1 s) so that a stream of submissions does not
 * read PostgreSQL for each (a read and a commit per job). A policy
 * change forgets its name on this server when its transaction commits; another server sees it within
 * the TTL. Each verdict records the version it applied, so a submission that pinned the previous
 * version in that moment is on record as such. Names a tenant does not have are not remembered. Each
 * attestation type has its own policies, so each has its own memory (every tenant has a {@code default}
 * of each).
 */
@ApplicationScoped
public class PolicyPins {

    @Inject
    @ConfigProperty(name = "lotabots.attestation.policy-pin-ttl", defaultValue = "PT1S")
    Duration ttl;

    @Resource(lookup = "java:comp/TransactionSynchronizationRegistry")
    TransactionSynchronizationRegistry transactions;

    private final Map<AttestationType, PinMemory> memories = new EnumMap<>(AttestationType.class);

    @PostConstruct
    void start() {
        for (AttestationType type : AttestationType.values()) {
            memories.put(type, new PinMemory(ttl, System::nanoTime));
        }
    }

    /** The remembered pin of {@code name} (null: the default policy), else what {@code read} finds. */
    public Optional<PolicyVersion> current(
            AttestationType type, UUID tenantId, String name, Supplier<Optional<PolicyVersion>> read) {
        return memories.get(type).current(tenantId, name == null ? PolicyNames.DEFAULT : name, read);
    }

    /** Forgets the name now and again when the caller's transaction ends, whatever its outcome. */
    public void forgetAtCompletion(AttestationType type, UUID tenantId, String name) {
        PinMemory memory = memories.get(type);
        memory.forget(tenantId, name);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED || status == Status.STATUS_ROLLEDBACK) {
                    memory.forget(tenantId, name);
                }
            }
        });
    }
}
