package io.lotabots.subjectrequest.boundary;

import io.lotabots.platform.json.Json;
import io.lotabots.platform.storage.ObjectNotFoundException;
import io.lotabots.platform.storage.ObjectStore;
import io.lotabots.subjectrequest.control.ErasureStep;
import io.lotabots.subjectrequest.control.ExportArchive;
import io.lotabots.subjectrequest.entity.RequestType;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The export and erasure jobs' lifecycle: claim with a lease, run step by step (each step commits on its
 * own), conclude; a failed attempt is retried at once while attempts are left, then the job is FAILED with
 * its step and reason for an officer to see and retry. Stale leases are taken up by the sweeper.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SubjectRequestJobs {

    private static final Logger LOG = Logger.getLogger(SubjectRequestJobs.class.getName());

    @EJB
    SubjectRequestWork work;

    @EJB
    SubjectRequestTimers timers;

    @Inject
    ObjectStore objects;

    @Inject
    Clock clock;

    public void process(UUID id) {
        var claimed = work.claim(id);
        if (claimed.isEmpty()) {
            LOG.fine(() -> "Subject request " + id + " not claimable: done, leased or out of attempts");
            return;
        }
        JobTicket ticket = claimed.get();
        try {
            if (ticket.type() == RequestType.EXPORT) {
                export(ticket);
            } else if (ticket.type() == RequestType.ERASURE) {
                erase(ticket);
            }
        } catch (RuntimeException e) {
            String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            LOG.log(Level.WARNING, e, () -> "Subject request " + id + " attempt " + ticket.attempt() + " failed");
            if (work.failedAttempt(ticket, reason)) {
                timers.startNow(id);
            }
        }
    }

    public void sweep() {
        work.expiredLeases().forEach(timers::startNow);
    }

    private void erase(JobTicket ticket) {
        if (work.heldBack(ticket)) {
            return;
        }
        for (int i = ticket.stepsDone(); i < ErasureStep.values().length; i++) {
            if (!work.erasureStep(ticket, ErasureStep.at(i))) {
                return;
            }
        }
        work.finishErasure(ticket);
    }

    private void export(JobTicket ticket) {
        var gathered = work.gather(ticket);
        Path file = null;
        String key =
                "privacy-exports/" + ticket.tenantId() + "/" + ticket.id() + "/export-" + ticket.attempt() + ".zip";
        try {
            file = Files.createTempFile("lotabots-export-", ".zip");
            MessageDigest digest = sha256();
            int files = 0;
            var about = Json.createObjectBuilder()
                    .add("format", "lotabots/subject-export/1")
                    .add("requestId", ticket.id().toString())
                    .add("tenantId", ticket.tenantId().toString())
                    .add("subject", ticket.subject())
                    .add("generatedAt", clock.instant().toString())
                    .build();
            try (var archive = new ExportArchive(new DigestOutputStream(Files.newOutputStream(file), digest), about)) {
                for (var category : gathered.categories().entrySet()) {
                    archive.json(category.getKey() + ".json", category.getValue());
                }
                for (var stored : gathered.files()) {
                    try (InputStream in = objects.open(stored.objectKey())) {
                        archive.file(stored.archivePath(), in);
                        files++;
                    } catch (ObjectNotFoundException gone) {
                        LOG.info(() -> "Export " + ticket.id() + ": " + stored.objectKey() + " is gone, left out");
                    }
                }
            }
            long size = Files.size(file);
            try (InputStream in = Files.newInputStream(file)) {
                objects.putStream(key, in, "application/zip", objects.partBuffer());
            }
            if (!work.exported(ticket, key, HexFormat.of().formatHex(digest.digest()), size, files)) {
                objects.delete(key);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.log(Level.FINE, "temporary export file left", e);
                }
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
