package io.lotabots.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import org.junit.jupiter.api.Test;

/**
 * The build's guard on authorisation: every resource method declares who may call it, and
 * docs/access-matrix.md is what the code says. A stale document is rewritten and the build fails
 * once, so the regenerated file gets reviewed and committed; a clean checkout always builds the
 * same way.
 */
class AccessMatrixTest {

    private static final Path DOCUMENT = Path.of(System.getProperty("access.matrix", "../docs/access-matrix.md"));

    private final AccessMatrix matrix = AccessMatrix.of(compiledApi());

    @Test
    void everyResourceMethodDeclaresItsRoles() {
        assertTrue(
                matrix.undeclared.isEmpty(),
                "Resource methods without @RolesAllowed, @PermitAll or @DenyAll (on the method or its class): "
                        + matrix.undeclared);
    }

    @Test
    void everyDeclaredRoleExists() {
        for (var endpoint : matrix.endpoints) {
            var unknown = new HashSet<>(endpoint.roles());
            unknown.removeAll(AccessMatrixDocument.ROLES);
            assertTrue(unknown.isEmpty(), endpoint.declaredIn() + " names unknown roles " + unknown);
        }
    }

    @Test
    void scansTheWholeApi() {
        assertFalse(matrix.endpoints.isEmpty());
        assertTrue(matrix.endpoints.stream()
                .anyMatch(e -> e.method().equals("POST") && e.path().equals("/api/v1/auth/login") && e.isPublic()));
    }

    @Test
    void theCommittedMatrixIsTheOneTheCodeDeclares() throws IOException {
        String generated = AccessMatrixDocument.render(matrix.endpoints);
        String committed = Files.exists(DOCUMENT) ? Files.readString(DOCUMENT, StandardCharsets.UTF_8) : "";
        if (!generated.equals(committed)) {
            Files.writeString(DOCUMENT, generated, StandardCharsets.UTF_8);
            fail(DOCUMENT.normalize() + " did not match the endpoints' annotations and has been regenerated:"
                    + " review it, commit it, and build again.");
        }
        assertEquals(generated, committed);
    }

    @Test
    void joinsPathsAndHidesTemplateExpressions() {
        assertEquals("/api/v1/things/{id}", AccessMatrix.join("/api/v1", "things/", "/{id: [0-9a-f-]+}"));
        assertEquals("/api/v1/things", AccessMatrix.join("/api/v1", "things", ""));
    }

    private static Path compiledApi() {
        try {
            return Path.of(ApiApplication.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
