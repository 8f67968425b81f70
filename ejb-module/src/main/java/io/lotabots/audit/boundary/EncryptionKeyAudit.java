package io.lotabots.audit.boundary;

import io.lotabots.platform.encryption.KekRotated;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Locale;

/** Records every change to a tenant's key-encryption keys (rotated, destroyed, shredded) on the tenant's chain. */
@ApplicationScoped
public class EncryptionKeyAudit {

    @Inject
    AuditTrail trail;

    /** In a transaction of its own: the change committed already. */
    void changed(@Observes KekRotated change) {
        trail.recordAlone(
                AuditRecord.success("keys.kek-" + change.change().name().toLowerCase(Locale.ROOT))
                        .actor(change.actor(), null)
                        .tenant(change.tenantId())
                        .target("kek", change.tenantId() + "/" + change.version())
                        .detail("version", change.version())
                        .detail("dataKeys", change.dataKeys())
                        .build());
    }
}
