package io.lotabots.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrailVerifierTest {

    private static final List<ChainLink> TRAIL = SealedTrail.ofEvents(6);

    private static Checkpoint headAt(List<ChainLink> links, int sequence) {
        var link = links.get(sequence - 1);
        return new Checkpoint(
                "tenant", sequence, HexFormat.of().formatHex(link.storedHash()), null, Instant.EPOCH, sequence);
    }

    private static ChainVerification verify(List<ChainLink> links, Optional<Checkpoint> head) {
        var verifier = new TrailVerifier(head);
        for (ChainLink link : links) {
            if (!verifier.accept(link)) {
                break;
            }
        }
        return verifier.result();
    }

    @Test
    void anUntouchedTrailMatchingItsSignedHeadIsIntact() {
        var result = verify(TRAIL, Optional.of(headAt(TRAIL, 6)));

        assertTrue(result.intact(), result.reason());
        assertEquals(6, result.linksChecked());
    }

    @Test
    void eventsSealedAfterTheLastCheckpointAreStillChecked() {
        assertTrue(verify(TRAIL, Optional.of(headAt(TRAIL, 4))).intact());
        assertTrue(verify(TRAIL, Optional.empty()).intact());
    }

    @Test
    void aChangedEventIsBrokenAtItsOwnPosition() {
        var tampered = new ArrayList<>(TRAIL);
        var original = TRAIL.get(2);
        tampered.set(2, new ChainLink(3, original.storedHash(), "{\"changed\":true}".getBytes(StandardCharsets.UTF_8)));

        var result = verify(tampered, Optional.of(headAt(TRAIL, 6)));

        assertFalse(result.intact());
        assertEquals(3, result.firstBrokenSequence().getAsLong());
    }

    @Test
    void aMissingFirstEventIsReportedAsPositionOne() {
        var result = verify(TRAIL.subList(1, 6), Optional.of(headAt(TRAIL, 6)));

        assertEquals(1, result.firstBrokenSequence().getAsLong());
    }

    @Test
    void eventsCutFromTheEndDisagreeWithTheSignedHead() {
        var result = verify(TRAIL.subList(0, 4), Optional.of(headAt(TRAIL, 6)));

        assertFalse(result.intact());
        assertEquals(5, result.firstBrokenSequence().getAsLong());
        assertTrue(result.reason().contains("5..6"), result.reason());
    }

    @Test
    void aTrailEmptiedCompletelyIsBrokenFromTheStart() {
        assertEquals(
                1,
                verify(List.of(), Optional.of(headAt(TRAIL, 6)))
                        .firstBrokenSequence()
                        .getAsLong());
    }

    @Test
    void aChainRehashedAfterAnEditDisagreesWithTheSignedHead() {
        var events = new String[6];
        for (int i = 0; i < 6; i++) {
            events[i] = i == 1 ? "{\"forged\":true}" : "{\"action\":\"login\",\"n\":" + (i + 1) + "}";
        }
        var rewritten = SealedTrail.of(events);

        var result = verify(rewritten, Optional.of(headAt(TRAIL, 6)));

        assertFalse(result.intact());
        assertEquals(6, result.firstBrokenSequence().getAsLong());
        assertTrue(result.reason().contains("signed checkpoint"), result.reason());
    }
}
