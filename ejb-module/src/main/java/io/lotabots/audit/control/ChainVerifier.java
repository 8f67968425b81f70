package io.lotabots.audit.control;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;

/**
 * Recomputes the audit chain link by link, so a trail of any length can be checked page by page.
 * Stops at the first link whose stored hash differs from the recomputed one, or where a sequence
 * number is missing or repeated (a deleted or duplicated row). Rows removed from the end of the
 * trail leave no gap; the signed checkpoints are what reveal those.
 */
public final class ChainVerifier {

    private static final HexFormat HEX = HexFormat.of();

    private byte[] lastHash;
    private long lastSequence;
    private boolean anySequenceSeen;
    private long linksChecked;
    private ChainVerification broken;

    /** Starts from {@code startHash}, taking the first link's sequence number as given. */
    public ChainVerifier(byte[] startHash) {
        if (startHash.length != AuditChain.HASH_BYTES) {
            throw new IllegalArgumentException("start hash has " + startHash.length + " bytes");
        }
        this.lastHash = startHash.clone();
    }

    /** Resumes after the already verified link {@code sequence}, whose hash is {@code hash}. */
    public static ChainVerifier resumingAfter(long sequence, byte[] hash) {
        var verifier = new ChainVerifier(hash);
        verifier.lastSequence = sequence;
        verifier.anySequenceSeen = true;
        return verifier;
    }

    /** Checks a whole run of links in one call. */
    public static ChainVerification verify(byte[] startHash, List<ChainLink> links) {
        var verifier = new ChainVerifier(startHash);
        links.forEach(verifier::accept);
        return verifier.result();
    }

    /** Checks the next link; returns whether the chain is still intact. Ignored once broken. */
    public boolean accept(ChainLink link) {
        if (broken != null) {
            return false;
        }
        linksChecked++;
        var recomputed = AuditChain.link(lastHash, link.canonicalEvent());
        broken = sequenceProblem(link.sequence());
        if (broken == null && !MessageDigest.isEqual(recomputed, link.storedHash())) {
            broken = ChainVerification.brokenAt(
                    link.sequence(),
                    linksChecked,
                    "stored hash " + HEX.formatHex(link.storedHash()) + " differs from recomputed "
                            + HEX.formatHex(recomputed));
        }
        if (broken != null) {
            return false;
        }
        lastHash = recomputed;
        lastSequence = link.sequence();
        anySequenceSeen = true;
        return true;
    }

    public ChainVerification result() {
        return broken != null ? broken : ChainVerification.intact(linksChecked);
    }

    /** The hash of the last intact link, from which the next page continues. */
    public byte[] lastHash() {
        return lastHash.clone();
    }

    /** The sequence of the last intact link, empty before any link. */
    public OptionalLong lastSequence() {
        return anySequenceSeen ? OptionalLong.of(lastSequence) : OptionalLong.empty();
    }

    private ChainVerification sequenceProblem(long sequence) {
        var expected = lastSequence + 1;
        if (!anySequenceSeen || sequence == expected) {
            return null;
        }
        if (sequence > expected) {
            var missing = sequence - 1 == expected ? "" + expected : expected + ".." + (sequence - 1);
            return ChainVerification.brokenAt(
                    expected, linksChecked, "sequence " + missing + " missing before " + sequence);
        }
        return ChainVerification.brokenAt(
                sequence,
                linksChecked,
                "sequence " + sequence + " follows " + lastSequence + ": repeated or out of order");
    }
}
