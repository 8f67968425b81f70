package io.lotabots.platform.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.Eventually;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The checked-in contract ({@code docs/openapi.yaml}: linted by the build, the source of the
 * generated test client) is exactly the document the server serves, so neither can drift. A stale
 * file is rewritten and the build fails once, as for the access-control matrix, so the change to
 * the API gets reviewed and committed.
 */
class OpenApiContractIT {

    private static final Path CHECKED_IN = Path.of(System.getProperty("openapi.contract", "../docs/openapi.yaml"));

    private final ApiClient api = new ApiClient();

    /** Liberty serves an empty document until the application has started: wait for it. */
    @BeforeAll
    static void awaitApplication() {
        Eventually.await(
                Duration.ofSeconds(120),
                () -> new ApiClient().get("/.well-known/jwks.json").statusCode(),
                status -> status == 200,
                "the application to start");
    }

    @Test
    void theCheckedInContractIsTheDocumentTheServerServes() throws IOException {
        var response = api.get("/openapi");
        assertEquals(200, response.statusCode());

        String checkedIn = Files.exists(CHECKED_IN) ? Files.readString(CHECKED_IN) : "";
        if (!checkedIn.equals(response.body())) {
            Files.writeString(CHECKED_IN, response.body());
            fail(CHECKED_IN.normalize() + " was not the document the server serves and has been rewritten:"
                    + " review it (git diff), commit it, and build again.");
        }
    }

    @Test
    void theDocumentIsTheSameOnEveryRequest() {
        assertEquals(api.get("/openapi").body(), api.get("/openapi").body());
    }

    @Test
    void theDocumentNamesNoHostSoItIsTheSameOnEveryServer() {
        String document = api.get("/openapi").body();

        assertTrue(document.contains("servers:\n- url: /\n"), document);
        assertTrue(!document.contains("localhost"), "a host in the document");
    }
}
