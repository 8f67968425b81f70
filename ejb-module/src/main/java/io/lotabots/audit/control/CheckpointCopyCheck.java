package io.lotabots.audit.control;

import java.security.interfaces.ECPublicKey;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Holds the newest signed checkpoint copy in S3 against the database's latest checkpoint. The copies
 * are written in the sealer's transaction before the row commits, so with the sealer held off they
 * end exactly at the database's head; a newer copy means the database lost its end (a rollback).
 */
public final class CheckpointCopyCheck {

    private CheckpointCopyCheck() {}

    /** The database's latest checkpoint: its position and chain hash. */
    public record Head(long sequence, byte[] hash) {}

    /** The newest copy in S3 from the database's head on: its object key and content. */
    public record Copy(String objectKey, String jws) {}

    /**
     * @param chain the tenant's chain id, as checkpoints name it
     * @param head the database's latest checkpoint, if any
     * @param newest the newest copy at or after the head, if any
     * @param key the checkpoint key's public half
     */
    public static Optional<CopyFinding> compare(
            String chain, Optional<Head> head, Optional<Copy> newest, ECPublicKey key) {
        long headSequence = head.map(Head::sequence).orElse(0L);
        if (newest.isEmpty()) {
            return head.map(h -> new CopyFinding(
                    CopyFinding.Kind.DIVERGED,
                    h.sequence(),
                    null,
                    "checkpoint " + h.sequence() + " has no signed copy in S3"));
        }
        var copy = newest.get();
        Checkpoint attested;
        try {
            attested = CheckpointSigner.verify(copy.jws(), key);
        } catch (CheckpointRejectedException e) {
            return Optional.of(new CopyFinding(
                    CopyFinding.Kind.DIVERGED,
                    headSequence,
                    copy.objectKey(),
                    "the checkpoint copy " + copy.objectKey() + " in S3 is not validly signed: " + e.getMessage()));
        }
        if (!attested.chain().equals(chain)) {
            return Optional.of(new CopyFinding(
                    CopyFinding.Kind.DIVERGED,
                    headSequence,
                    copy.objectKey(),
                    "the checkpoint copy " + copy.objectKey() + " in S3 belongs to another chain"));
        }
        if (head.isEmpty() || attested.sequence() > headSequence) {
            return Optional.of(new CopyFinding(
                    CopyFinding.Kind.ROLLED_BACK,
                    headSequence + 1,
                    copy.objectKey(),
                    "the signed checkpoint copy in S3 covers event " + attested.sequence()
                            + " but the database chain ends at " + headSequence + ": events " + (headSequence + 1)
                            + ".." + attested.sequence() + " and their checkpoints were removed"));
        }
        if (attested.sequence() < headSequence) {
            return Optional.of(new CopyFinding(
                    CopyFinding.Kind.DIVERGED,
                    headSequence,
                    copy.objectKey(),
                    "checkpoint " + headSequence + " has no signed copy in S3 (the newest covers " + attested.sequence()
                            + ")"));
        }
        if (!attested.hash().equals(HexFormat.of().formatHex(head.orElseThrow().hash()))) {
            return Optional.of(new CopyFinding(
                    CopyFinding.Kind.DIVERGED,
                    headSequence,
                    copy.objectKey(),
                    "the chain hash at " + headSequence + " differs from its signed copy in S3: the database's"
                            + " events or checkpoint were rewritten"));
        }
        return Optional.empty();
    }
}
