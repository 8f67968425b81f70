package io.lotabots.attestation.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Evidence documents this server has just stored, kept in memory for the verification that follows
 * on the same server, which then needs no S3 read (a read and its object-store work were about a
 * tenth of a verification). Bounded by bytes, oldest out first. A document is handed out once: a
 * retried attempt, another server, or a restart reads S3 as before.
 */
@ApplicationScoped
public class RecentEvidence {

    private final LinkedHashMap<UUID, byte[]> documents = new LinkedHashMap<>();
    private long heldBytes;

    @Inject
    @ConfigProperty(name = "lotabots.attestation.recent-evidence-bytes", defaultValue = "33554432")
    long limitBytes;

    /** Keeps a committed job's evidence document, evicting the oldest beyond the limit. */
    public synchronized void keep(UUID attestationId, byte[] document) {
        if (document.length > limitBytes) {
            return;
        }
        byte[] replaced = documents.put(attestationId, document);
        heldBytes += document.length - (replaced == null ? 0 : replaced.length);
        var oldest = documents.entrySet().iterator();
        while (heldBytes > limitBytes && oldest.hasNext()) {
            heldBytes -= oldest.next().getValue().length;
            oldest.remove();
        }
    }

    /** The document, once, if this server still holds it. */
    public synchronized Optional<byte[]> take(UUID attestationId) {
        byte[] document = documents.remove(attestationId);
        if (document != null) {
            heldBytes -= document.length;
        }
        return Optional.ofNullable(document);
    }

    synchronized long heldBytes() {
        return heldBytes;
    }
}
