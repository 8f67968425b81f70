package io.lotabots.audit.boundary;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.ECKey;
import io.lotabots.audit.control.Checkpoint;
import io.lotabots.audit.control.CheckpointRejectedException;
import io.lotabots.audit.control.CheckpointSigner;
import io.lotabots.audit.entity.AuditCheckpoint;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/** A stored checkpoint and what its signature says: the attested head, or why it cannot be trusted. */
record SignedCheckpoint(AuditCheckpoint row, Checkpoint attested, String problem, String keyId) {

    static SignedCheckpoint check(AuditCheckpoint row, UUID tenantId, Optional<ECKey> publicKey) {
        if (publicKey.isEmpty()) {
            return new SignedCheckpoint(row, null, "the checkpoint key is missing from the key store", null);
        }
        try {
            var attested = CheckpointSigner.verify(row.jws(), publicKey.get().toECPublicKey());
            boolean matchesRow = attested.chain().equals(tenantId.toString())
                    && attested.sequence() == row.chainSequence()
                    && attested.hash().equals(HexFormat.of().formatHex(row.chainHash()));
            return matchesRow
                    ? new SignedCheckpoint(row, attested, null, publicKey.get().getKeyID())
                    : new SignedCheckpoint(
                            row, null, "checkpoint " + row.chainSequence() + " differs from its signed token", null);
        } catch (CheckpointRejectedException | JOSEException e) {
            return new SignedCheckpoint(
                    row, null, "checkpoint " + row.chainSequence() + " is not validly signed: " + e.getMessage(), null);
        }
    }

    boolean valid() {
        return attested != null;
    }

    VerificationReport.CheckpointStatus status() {
        return new VerificationReport.CheckpointStatus(
                row.chainSequence(),
                HexFormat.of().formatHex(row.chainHash()),
                row.createdAt(),
                row.objectKey(),
                keyId,
                valid());
    }
}
