package io.lotabots.platform.encryption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ObjectKeysTest {

    private static final UUID TENANT = UUID.fromString("6f1c0e0a-7d1e-4c59-9f0f-3f6f8a9f4a11");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "attestations/6f1c0e0a-7d1e-4c59-9f0f-3f6f8a9f4a11/a/evidence.json",
                "models/6f1c0e0a-7d1e-4c59-9f0f-3f6f8a9f4a11/m/files/0",
                "documents/6f1c0e0a-7d1e-4c59-9f0f-3f6f8a9f4a11/d/v1",
                "audit/checkpoints/6f1c0e0a-7d1e-4c59-9f0f-3f6f8a9f4a11/0000000000000000001.jws"
            })
    void theTenantIsTheSegmentAfterTheType(String key) {
        assertEquals(TENANT, ObjectKeys.tenant(key));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "evidence.json",
                "attestations/6f1c0e0a-7d1e-4c59-9f0f-3f6f8a9f4a11",
                "attestations/not-a-tenant/x",
                "attestations/x/6f1c0e0a-7d1e-4c59-9f0f-3f6f8a9f4a11/y",
                "models/6f1c0e0a7d1e4c599f0f3f6f8a9f4a11/m/files/0",
                "documents/x/y/6f1c0e0a-7d1e-4c59-9f0f-3f6f8a9f4a11/z"
            })
    void aKeyNamingNoTenantIsRefused(String key) {
        assertThrows(IllegalArgumentException.class, () -> ObjectKeys.tenant(key));
    }

    @Test
    void thePlatformsOwnObjectsUseTheZeroTenant() {
        assertEquals(new UUID(0, 0), ObjectKeys.tenant("audit/checkpoints/00000000-0000-0000-0000-000000000000/1.jws"));
    }
}
