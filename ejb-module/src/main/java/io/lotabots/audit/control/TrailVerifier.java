package io.lotabots.audit.control;

import java.util.HexFormat;
import java.util.Optional;

/**
 * Verifies a whole chain from its first link, page by page, and holds it against the signed head
 * (the latest checkpoint): a changed or missing link breaks the chain itself; a chain rewritten
 * with fresh hashes, or cut short at the end, disagrees with the checkpoint.
 */
public final class TrailVerifier {

    private static final HexFormat HEX = HexFormat.of();

    private final ChainVerifier chain = ChainVerifier.resumingAfter(0, AuditChain.genesis());
    private final Optional<Checkpoint> signedHead;
    private ChainVerification headMismatch;

    /** {@code signedHead}: the latest checkpoint whose signature verified, if any. */
    public TrailVerifier(Optional<Checkpoint> signedHead) {
        this.signedHead = signedHead;
    }

    /** Checks the next link; returns whether the trail is still intact. */
    public boolean accept(ChainLink link) {
        if (headMismatch != null || !chain.accept(link)) {
            return false;
        }
        var head = signedHead.filter(h -> h.sequence() == link.sequence());
        if (head.isPresent() && !head.get().hash().equals(HEX.formatHex(chain.lastHash()))) {
            headMismatch = ChainVerification.brokenAt(
                    link.sequence(),
                    chain.result().linksChecked(),
                    "the chain at " + link.sequence() + " differs from the signed checkpoint: events were rewritten");
            return false;
        }
        return true;
    }

    /** The outcome once every link was given. */
    public ChainVerification result() {
        var links = chain.result();
        if (!links.intact()) {
            return links;
        }
        if (headMismatch != null) {
            return headMismatch;
        }
        long last = chain.lastSequence().orElse(0);
        long signed = signedHead.map(Checkpoint::sequence).orElse(0L);
        if (last < signed) {
            return ChainVerification.brokenAt(
                    last + 1,
                    links.linksChecked(),
                    "events " + (last + 1) + ".." + signed + " are missing: the signed checkpoint covers " + signed);
        }
        return ChainVerification.intact(links.linksChecked());
    }
}
