package io.lotabots.devservices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalIdentityTest {

    @TempDir
    Path dataDir;

    @Test
    void generatesAnOwnerOnlyAdministratorPasswordOnceAndKeepsIt() throws Exception {
        var first = LocalIdentity.prepare(dataDir, Map.of());
        var second = LocalIdentity.prepare(dataDir, Map.of());

        assertEquals(first.password(), second.password());
        assertTrue(first.password().length() >= 20, "long enough for the password policy");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(first.passwordFile())));
        assertEquals(first.password(), first.variables().get(LibertyVariable.BOOTSTRAP_ADMIN_PASSWORD));
        assertFalse(first.describe().contains(first.password()), "the password is never printed");
    }

    @Test
    void leavesTheAdministratorToAConfiguredSecret() throws Exception {
        var identity = LocalIdentity.prepare(dataDir, Map.of(LocalIdentity.PASSWORD_ENV, "from-a-secret-store"));

        assertFalse(identity.variables().containsKey(LibertyVariable.BOOTSTRAP_ADMIN_PASSWORD));
        assertFalse(Files.exists(dataDir.resolve("admin-password")));
    }

    @Test
    void keepsSigningKeysInTheDataDirectory() throws Exception {
        var identity = LocalIdentity.prepare(dataDir, Map.of());

        assertEquals(
                dataDir.resolve("keys/signing-keys.jwe").toString(),
                identity.variables().get(LibertyVariable.KEYS_FILE));
    }

    @Test
    void parsesTheLocalIdentityOption() {
        var options = LaunchOptions.parse(new String[] {"--server-dir", "s", "--local-identity"}, Path.of("/w"));
        assertTrue(options.localIdentity());
    }
}
