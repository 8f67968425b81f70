package io.lotabots.audit.control;

import java.util.OptionalLong;

/**
 * The outcome of checking a run of chain links. When not intact, {@code firstBrokenSequence} names
 * the first link that is wrong or missing and {@code reason} says how.
 */
public record ChainVerification(boolean intact, long linksChecked, OptionalLong firstBrokenSequence, String reason) {

    static ChainVerification intact(long linksChecked) {
        return new ChainVerification(true, linksChecked, OptionalLong.empty(), linksChecked + " links intact");
    }

    static ChainVerification brokenAt(long sequence, long linksChecked, String reason) {
        return new ChainVerification(false, linksChecked, OptionalLong.of(sequence), reason);
    }
}
