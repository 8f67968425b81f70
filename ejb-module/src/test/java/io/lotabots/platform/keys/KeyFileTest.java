package io.lotabots.platform.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.jwk.JWKSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {

    @TempDir
    Path dir;

    @Test
    void keysRoundTripEncryptedAndOwnerOnly() throws Exception {
        var file = new KeyFile(dir.resolve("keys.jwe"), "s3cret-password".toCharArray());
        var keys = new JWKSet(List.of(SigningAlgorithm.RS256.generate(Instant.now())));

        file.write(keys);

        String stored = Files.readString(dir.resolve("keys.jwe"));
        assertFalse(stored.contains("\"d\""), "no private key material in clear");
        assertEquals(5, stored.split("\\.", -1).length, "a compact JWE");
        assertEquals(
                "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("keys.jwe"))));
        var read = file.read().orElseThrow();
        assertEquals(keys.getKeys().get(0).getKeyID(), read.getKeys().get(0).getKeyID());
        assertTrue(read.getKeys().get(0).isPrivate());
    }

    @Test
    void wrongPasswordIsAClearError() throws Exception {
        new KeyFile(dir.resolve("keys.jwe"), "right".toCharArray())
                .write(new JWKSet(SigningAlgorithm.ES256.generate(Instant.now())));

        var e = assertThrows(
                IOException.class, () -> new KeyFile(dir.resolve("keys.jwe"), "wrong".toCharArray()).read());
        assertTrue(e.getMessage().contains("wrong password or damaged file"));
    }

    @Test
    void damagedFileIsAClearError() throws Exception {
        Files.writeString(dir.resolve("keys.jwe"), "not a jwe");

        assertThrows(IOException.class, () -> new KeyFile(dir.resolve("keys.jwe"), "x".toCharArray()).read());
    }

    @Test
    void missingFileReadsAsEmpty() throws Exception {
        assertTrue(
                new KeyFile(dir.resolve("absent.jwe"), "x".toCharArray()).read().isEmpty());
    }
}
