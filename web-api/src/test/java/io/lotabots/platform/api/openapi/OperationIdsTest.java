package io.lotabots.platform.api.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class OperationIdsTest {

    @Test
    void joinsTheMethodAndThePathBelowTheApiBaseInCamelCase() {
        assertEquals("getIdentityApiKeys", OperationIds.derive("GET", "/api/v1/identity/api-keys"));
    }

    @Test
    void namesPathParametersWithBy() {
        assertEquals("putIdentityUsersByIdRoles", OperationIds.derive("PUT", "/api/v1/identity/users/{id}/roles"));
    }

    @Test
    void tellsAnItemFromItsCollection() {
        assertNotEquals(
                OperationIds.derive("GET", "/api/v1/devices"), OperationIds.derive("GET", "/api/v1/devices/{id}"));
    }

    @Test
    void keepsPathsOutsideTheApiWhole() {
        assertEquals("getWellKnownJwksJson", OperationIds.derive("GET", "/.well-known/jwks.json"));
    }
}
