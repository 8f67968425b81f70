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

class LocalScrapeCredentialTest {

    @TempDir
    Path dataDir;

    @Test
    void generatesAnOwnerOnlyScrapePasswordOnceAndKeepsIt() throws Exception {
        var first = LocalScrapeCredential.prepare(dataDir, Map.of());
        var second = LocalScrapeCredential.prepare(dataDir, Map.of());

        assertEquals(first.password(), second.password());
        assertTrue(first.password().length() >= 20);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(first.passwordFile())));
        assertEquals(first.password(), first.variables().get(LibertyVariable.METRICS_PASSWORD));
        assertFalse(first.describe().contains(first.password()), "the password is never printed");
    }

    @Test
    void leavesTheScrapePasswordToAConfiguredSecret() throws Exception {
        var credential = LocalScrapeCredential.prepare(
                dataDir, Map.of(LocalScrapeCredential.PASSWORD_ENV, "from-a-secret-store"));

        assertTrue(credential.variables().isEmpty());
        assertFalse(Files.exists(dataDir.resolve("metrics-password")));
    }

    @Test
    void theEnvironmentVariableIsTheOneLibertyReads() {
        assertEquals("LOTABOTS_METRICS_PASSWORD", LocalScrapeCredential.PASSWORD_ENV);
    }
}
