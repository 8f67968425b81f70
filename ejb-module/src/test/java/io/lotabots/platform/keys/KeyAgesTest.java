package io.lotabots.platform.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import io.lotabots.platform.crypto.SigningKeyGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyAgesTest {

    @TempDir
    Path dir;

    @Test
    void theNewestKeyOfARingIsTheOneWhoseAgeCounts() {
        var old = Instant.parse("2026-01-01T00:00:00Z");
        var fresh = Instant.parse("2026-03-01T00:00:00Z");
        var ring = new JWKSet(List.of(SigningKeyGenerator.p256(old), SigningKeyGenerator.p256(fresh)));

        assertEquals(Optional.of(fresh), KeyAges.newestIssue(ring));
    }

    @Test
    void aSetWithoutIssueTimesHasNoAge() {
        assertTrue(KeyAges.newestIssue(new JWKSet()).isEmpty());
    }

    @Test
    void theKeyFilesPresentAreThePrimaryAndEveryEncryptedFileBesideIt() throws Exception {
        var primary = dir.resolve("signing-keys.jwe");
        var files = KeyFiles.at(primary, "pw".toCharArray());
        Files.writeString(dir.resolve("audit-checkpoint-keys.jwe"), "x");
        Files.writeString(dir.resolve("attestation-result-keys.jwe"), "x");
        Files.writeString(dir.resolve("signing-keys.jwe.password"), "not a key file");
        Files.writeString(dir.resolve("keys123.tmp"), "a half-written file");

        assertEquals(
                Set.of(KeyFiles.PRIMARY, "audit-checkpoint-keys", "attestation-result-keys"),
                files.present().keySet());
    }
}
