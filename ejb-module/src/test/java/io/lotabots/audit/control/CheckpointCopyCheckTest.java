package io.lotabots.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckpointCopyCheckTest {

    private static final String CHAIN = "7f4c1a52-0c9e-4b8e-9d61-3a2f5e8b9c10";
    private static final KeyPair KEYS = CheckpointSigner.generateKeyPair();
    private static final KeyPair OTHER_KEYS = CheckpointSigner.generateKeyPair();
    private static final String HASH_AT_5 = "ab".repeat(32);
    private static final String HASH_AT_9 = "cd".repeat(32);

    private final CheckpointSigner signer = signer(KEYS);

    private static CheckpointSigner signer(KeyPair keys) {
        return new CheckpointSigner("audit-test", (ECPrivateKey) keys.getPrivate(), (ECPublicKey) keys.getPublic());
    }

    private static CheckpointCopyCheck.Copy copy(CheckpointSigner by, String chain, long sequence, String hash) {
        var checkpoint = new Checkpoint(chain, sequence, hash, null, Instant.parse("2026-12-06T08:00:00Z"), sequence);
        return new CheckpointCopyCheck.Copy(
                "audit/checkpoints/" + chain + "/" + String.format("%019d", sequence) + ".jws", by.sign(checkpoint));
    }

    private static Optional<CheckpointCopyCheck.Head> head(long sequence, String hash) {
        return Optional.of(new CheckpointCopyCheck.Head(sequence, HexFormat.of().parseHex(hash)));
    }

    private static Optional<CopyFinding> compare(
            Optional<CheckpointCopyCheck.Head> head, Optional<CheckpointCopyCheck.Copy> copy) {
        return CheckpointCopyCheck.compare(CHAIN, head, copy, (ECPublicKey) KEYS.getPublic());
    }

    @Test
    void aCopyOfTheDatabasesHeadAgrees() {
        assertEquals(Optional.empty(), compare(head(5, HASH_AT_5), Optional.of(copy(signer, CHAIN, 5, HASH_AT_5))));
    }

    @Test
    void aChainThatWasNeverSealedHasNoCopyAndNoFinding() {
        assertEquals(Optional.empty(), compare(Optional.empty(), Optional.empty()));
    }

    @Test
    void aNewerCopyThanTheDatabasesHeadIsARollbackFromTheFirstRemovedPosition() {
        var finding = compare(head(5, HASH_AT_5), Optional.of(copy(signer, CHAIN, 9, HASH_AT_9)))
                .orElseThrow();

        assertEquals(CopyFinding.Kind.ROLLED_BACK, finding.kind());
        assertEquals(6, finding.sequence());
        assertTrue(finding.detail().contains("6..9"), finding.detail());
    }

    @Test
    void aCopyWhileTheDatabaseHasNoCheckpointAtAllIsARollbackOfEverything() {
        var finding = compare(Optional.empty(), Optional.of(copy(signer, CHAIN, 9, HASH_AT_9)))
                .orElseThrow();

        assertEquals(CopyFinding.Kind.ROLLED_BACK, finding.kind());
        assertEquals(1, finding.sequence());
    }

    @Test
    void aCopyOfTheHeadWithAnotherHashHasDiverged() {
        var finding = compare(head(5, HASH_AT_5), Optional.of(copy(signer, CHAIN, 5, HASH_AT_9)))
                .orElseThrow();

        assertEquals(CopyFinding.Kind.DIVERGED, finding.kind());
        assertEquals(5, finding.sequence());
    }

    @Test
    void aHeadWithoutItsCopyHasDiverged() {
        var finding = compare(head(5, HASH_AT_5), Optional.empty()).orElseThrow();

        assertEquals(CopyFinding.Kind.DIVERGED, finding.kind());
        assertTrue(finding.detail().contains("no signed copy"), finding.detail());
    }

    @Test
    void aCopySignedWithAnotherKeyIsNoEvidenceOfARollbackButADivergence() {
        var finding = compare(head(5, HASH_AT_5), Optional.of(copy(signer(OTHER_KEYS), CHAIN, 9, HASH_AT_9)))
                .orElseThrow();

        assertEquals(CopyFinding.Kind.DIVERGED, finding.kind());
        assertTrue(finding.detail().contains("not validly signed"), finding.detail());
    }

    @Test
    void aCopyOfAnotherTenantsChainHasDiverged() {
        var finding = compare(
                        head(5, HASH_AT_5),
                        Optional.of(copy(signer, "00000000-0000-0000-0000-000000000000", 9, HASH_AT_9)))
                .orElseThrow();

        assertEquals(CopyFinding.Kind.DIVERGED, finding.kind());
        assertTrue(finding.detail().contains("another chain"), finding.detail());
    }
}
