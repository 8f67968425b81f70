package io.lotabots.audit.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ChainVerifierTest {

    private final List<ChainLink> trail = SealedTrail.ofEvents(6);

    private static ChainLink withEvent(ChainLink link, String event) {
        return new ChainLink(link.sequence(), link.storedHash(), event.getBytes(StandardCharsets.UTF_8));
    }

    private List<ChainLink> trailWith(int index, ChainLink replacement) {
        var changed = new ArrayList<>(trail);
        changed.set(index, replacement);
        return changed;
    }

    @Test
    void anUntouchedTrailIsIntact() {
        var verification = ChainVerifier.verify(AuditChain.genesis(), trail);

        assertTrue(verification.intact());
        assertEquals(6, verification.linksChecked());
        assertEquals(OptionalLong.empty(), verification.firstBrokenSequence());
    }

    @Test
    void anEmptyTrailIsIntactWithNothingChecked() {
        var verification = ChainVerifier.verify(AuditChain.genesis(), List.of());

        assertTrue(verification.intact());
        assertEquals(0, verification.linksChecked());
    }

    @Test
    void anEditedEventBreaksTheChainAtThatEvent() {
        var edited = trailWith(2, withEvent(trail.get(2), "{\"action\":\"logout\",\"n\":3}"));

        var verification = ChainVerifier.verify(AuditChain.genesis(), edited);

        assertFalse(verification.intact());
        assertEquals(OptionalLong.of(3), verification.firstBrokenSequence());
        assertEquals(3, verification.linksChecked());
        assertTrue(verification.reason().contains("differs from recomputed"), verification.reason());
    }

    @Test
    void anEditedStoredHashBreaksTheChainAtThatEvent() {
        var forgedHash = trail.get(3).storedHash();
        forgedHash[0] ^= 1;
        var edited = trailWith(3, new ChainLink(4, forgedHash, trail.get(3).canonicalEvent()));

        assertEquals(
                OptionalLong.of(4),
                ChainVerifier.verify(AuditChain.genesis(), edited).firstBrokenSequence());
    }

    @Test
    void aDeletedRowIsReportedWhereTheGapStarts() {
        var deleted = new ArrayList<>(trail);
        deleted.remove(2);

        var verification = ChainVerifier.verify(AuditChain.genesis(), deleted);

        assertFalse(verification.intact());
        assertEquals(OptionalLong.of(3), verification.firstBrokenSequence());
        assertEquals("sequence 3 missing before 4", verification.reason());
    }

    @Test
    void severalDeletedRowsAreReportedAsOneRange() {
        var deleted = new ArrayList<>(trail);
        deleted.subList(1, 4).clear();

        var verification = ChainVerifier.verify(AuditChain.genesis(), deleted);

        assertEquals(OptionalLong.of(2), verification.firstBrokenSequence());
        assertEquals("sequence 2..4 missing before 5", verification.reason());
    }

    @Test
    void aDeletedRowWhoseSuccessorWasRenumberedStillBreaksTheHash() {
        var renumbered = new ArrayList<ChainLink>();
        renumbered.addAll(trail.subList(0, 2));
        for (var link : trail.subList(3, 6)) {
            renumbered.add(new ChainLink(link.sequence() - 1, link.storedHash(), link.canonicalEvent()));
        }

        assertEquals(
                OptionalLong.of(3),
                ChainVerifier.verify(AuditChain.genesis(), renumbered).firstBrokenSequence());
    }

    @Test
    void aDuplicatedRowBreaksTheChainAtTheRepeat() {
        var duplicated = new ArrayList<>(trail);
        duplicated.add(3, trail.get(2));

        var verification = ChainVerifier.verify(AuditChain.genesis(), duplicated);

        assertEquals(OptionalLong.of(3), verification.firstBrokenSequence());
        assertTrue(verification.reason().contains("repeated or out of order"), verification.reason());
    }

    @Test
    void aSwappedPairOfRowsBreaksTheChainAtTheFirstOfThem() {
        var swapped = new ArrayList<>(trail);
        swapped.set(2, trail.get(3));
        swapped.set(3, trail.get(2));

        assertEquals(
                OptionalLong.of(3),
                ChainVerifier.verify(AuditChain.genesis(), swapped).firstBrokenSequence());
    }

    @Test
    void aSwappedPairOfEventsUnderUnchangedNumbersBreaksTheChainAtTheFirstOfThem() {
        var swapped = new ArrayList<>(trail);
        swapped.set(2, new ChainLink(3, trail.get(2).storedHash(), trail.get(3).canonicalEvent()));
        swapped.set(3, new ChainLink(4, trail.get(3).storedHash(), trail.get(2).canonicalEvent()));

        assertEquals(
                OptionalLong.of(3),
                ChainVerifier.verify(AuditChain.genesis(), swapped).firstBrokenSequence());
    }

    @Test
    void aTrailVerifiedFromTheWrongStartHashBreaksAtItsFirstLink() {
        var otherStart = AuditChain.link(AuditChain.genesis(), new byte[0]);

        assertEquals(OptionalLong.of(1), ChainVerifier.verify(otherStart, trail).firstBrokenSequence());
    }

    @Test
    void stopsAtTheFirstBreakAndIgnoresWhatFollows() {
        var verifier = new ChainVerifier(AuditChain.genesis());
        trail.subList(0, 2).forEach(verifier::accept);

        assertFalse(verifier.accept(withEvent(trail.get(2), "{}")));
        assertFalse(verifier.accept(trail.get(3)));
        assertEquals(3, verifier.result().linksChecked());
        assertEquals(OptionalLong.of(2), verifier.lastSequence());
        assertArrayEquals(trail.get(1).storedHash(), verifier.lastHash());
    }

    @Test
    void verifiesPageByPageWithOneVerifier() {
        var verifier = new ChainVerifier(AuditChain.genesis());

        trail.subList(0, 3).forEach(verifier::accept);
        assertTrue(verifier.result().intact());
        trail.subList(3, 6).forEach(verifier::accept);

        assertEquals(ChainVerifier.verify(AuditChain.genesis(), trail), verifier.result());
    }

    @Test
    void resumesAfterTheLastVerifiedLinkOfAnEarlierRun() {
        var firstRun = new ChainVerifier(AuditChain.genesis());
        trail.subList(0, 3).forEach(firstRun::accept);

        var secondRun = ChainVerifier.resumingAfter(firstRun.lastSequence().orElseThrow(), firstRun.lastHash());
        trail.subList(3, 6).forEach(secondRun::accept);

        assertTrue(secondRun.result().intact());
        assertEquals(3, secondRun.result().linksChecked());
    }

    @Test
    void aResumedRunNoticesARowDeletedAtThePageBoundary() {
        var resumed = ChainVerifier.resumingAfter(3, trail.get(2).storedHash());

        resumed.accept(trail.get(4));

        assertEquals(OptionalLong.of(4), resumed.result().firstBrokenSequence());
    }

    @Test
    void refusesAStartHashThatIsNotThirtyTwoBytes() {
        assertThrows(IllegalArgumentException.class, () -> new ChainVerifier(new byte[16]));
    }
}
