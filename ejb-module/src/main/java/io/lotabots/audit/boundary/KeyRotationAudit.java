package io.lotabots.audit.boundary;

import io.lotabots.platform.keys.SigningKeyRotated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/** Records every signing-key rotation on the platform chain, as the system's action. */
@ApplicationScoped
public class KeyRotationAudit {

    @Inject
    AuditTrail trail;

    /** In a transaction of its own: a rotation writes a file, nothing the database could roll back. */
    void rotated(@Observes SigningKeyRotated rotation) {
        trail.recordAlone(AuditRecord.success("keys.rotated")
                .actor("system", null)
                .tenant(AuditTrail.PLATFORM)
                .target("signing-key", rotation.keyId())
                .detail("algorithm", rotation.algorithm().name())
                .detail("previousKey", rotation.previousKeyId())
                .detail("publishedKeys", rotation.publishedKeys())
                .build());
    }
}
