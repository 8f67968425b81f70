package io.lotabots.attestation.control;

import io.lotabots.attestation.entity.Attestation;
import io.lotabots.platform.storage.ObjectStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * Where an attestation's documents live, whatever its type: the evidence document and each attempt's
 * report in S3 under the job's tenant and id, and the evidence this server has just stored, kept in
 * memory ({@link RecentEvidence}) for the verification that most likely follows here. Objects written
 * inside a transaction are removed again if it rolls back ({@link ObjectStore}).
 */
@ApplicationScoped
public class EvidenceArchive {

    private static final String JSON = "application/json";

    @Inject
    ObjectStore objectStore;

    @Inject
    RecentEvidence recentEvidence;

    /** Stores a new job's evidence document; its key and SHA-256 go into the job's row. */
    public Stored storeEvidence(UUID tenantId, UUID attestationId, byte[] document) {
        String key = evidenceKey(tenantId, attestationId);
        String digest = EvidenceDigest.sha256Hex(document);
        objectStore.put(key, document, JSON);
        return new Stored(key, digest);
    }

    /** Keeps a committed job's evidence document for its verification on this server. */
    public void keepRecent(UUID attestationId, byte[] document) {
        recentEvidence.keep(attestationId, document);
    }

    /** The job's evidence: this server's copy if it matches the stored digest, else the S3 object. */
    public byte[] evidence(Attestation job) {
        return recentEvidence
                .take(job.id())
                .filter(document -> EvidenceDigest.sha256Hex(document).equals(job.evidenceDigest()))
                .orElseGet(() -> objectStore.get(job.evidenceKey()));
    }

    /** Stores the report of one appraisal attempt and returns its key. */
    public String storeReport(Attestation job, int attempt, byte[] report) {
        String key = reportKey(job.tenantId(), job.id(), attempt);
        objectStore.put(key, report, JSON);
        return key;
    }

    /** A stored document (evidence or report) by the key its row names. */
    public byte[] read(String key) {
        return objectStore.get(key);
    }

    /** Deletes the evidence object (retention); deleting what is already gone is no error. */
    public void deleteEvidence(Attestation job) {
        objectStore.delete(job.evidenceKey());
    }

    /** Deletes every attempt's report object (retention; one per attempt, numbered from 1); the evidence stays. */
    public int deleteReports(Attestation job) {
        int attempts = Math.max(1, job.attempts());
        for (int attempt = 1; attempt <= attempts; attempt++) {
            objectStore.delete(reportKey(job.tenantId(), job.id(), attempt));
        }
        return attempts;
    }

    static String evidenceKey(UUID tenantId, UUID attestationId) {
        return "attestations/" + tenantId + "/" + attestationId + "/evidence.json";
    }

    static String reportKey(UUID tenantId, UUID attestationId, int attempt) {
        return "attestations/" + tenantId + "/" + attestationId + "/report-" + attempt + ".json";
    }

    /** A stored evidence document: its key and its SHA-256 (lower-case hex). */
    public record Stored(String key, String digest) {}
}
