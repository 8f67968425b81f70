package io.lotabots.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CheckpointTest {

    @Test
    void theNextCheckpointNamesThisOneByTheSha256OfItsToken() {
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Checkpoint.referenceTo("abc"));
    }

    @Test
    void refusesAPreviousReferenceThatIsNoSha256() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new Checkpoint("t", 1, "ab".repeat(32), "not-a-hash", Instant.EPOCH, 1));
    }

    @Test
    void namesItsChain() {
        assertThrows(
                NullPointerException.class, () -> new Checkpoint(null, 1, "ab".repeat(32), null, Instant.EPOCH, 1));
    }
}
