package io.lotabots.devservices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProvisionedServiceTest {

    @Test
    void namesEnvironmentVariablesTheWayLibertyLooksThemUp() {
        assertEquals("LOTABOTS_DB_URL", LibertyVariable.DB_URL.environmentName());
        assertEquals("LOTABOTS_S3_ACCESS_KEY", LibertyVariable.S3_ACCESS_KEY.environmentName());
    }

    @Test
    void anExternalServiceReportsWhatTheEnvironmentSetsAndNothingElse() {
        Map<String, String> env = Map.of(
                "LOTABOTS_S3_ENDPOINT", "https://s3.example",
                "LOTABOTS_S3_SECRET_KEY", "very-secret",
                "UNRELATED", "x");

        ProvisionedService s3 = ProvisionedService.external(
                "S3",
                LibertyVariable.S3_ENDPOINT,
                List.of(LibertyVariable.S3_ENDPOINT, LibertyVariable.S3_ACCESS_KEY, LibertyVariable.S3_SECRET_KEY),
                env);

        assertEquals(Origin.EXTERNAL, s3.origin());
        assertEquals(
                Map.of(LibertyVariable.S3_ENDPOINT, "https://s3.example", LibertyVariable.S3_SECRET_KEY, "very-secret"),
                s3.variables());
        assertEquals("[dev-services] S3: external (LOTABOTS_S3_ENDPOINT)", s3.describe());
        assertFalse(s3.describe().contains("very-secret"));
    }

    @Test
    void aBlankEnvironmentVariableDoesNotCountAsConfigured() {
        assertTrue(
                ProvisionedService.isConfigured(LibertyVariable.REDIS_URL, Map.of("LOTABOTS_REDIS_URL", "redis://x")));
        assertFalse(ProvisionedService.isConfigured(LibertyVariable.REDIS_URL, Map.of("LOTABOTS_REDIS_URL", " ")));
        assertFalse(ProvisionedService.isConfigured(LibertyVariable.REDIS_URL, Map.of()));
    }
}
