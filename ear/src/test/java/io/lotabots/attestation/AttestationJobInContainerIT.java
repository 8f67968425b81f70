package io.lotabots.attestation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.attestation.entity.Attestation;
import io.lotabots.attestation.entity.AttestationStatus;
import io.lotabots.attestation.entity.AttestationType;
import io.lotabots.attestation.entity.NewAttestation;
import io.lotabots.attestation.entity.Verdict;
import io.lotabots.platform.persistence.InstantConverter;
import io.lotabots.platform.persistence.JsonObjectConverter;
import io.lotabots.platform.persistence.NullableUuidConverter;
import io.lotabots.testsupport.Eventually;
import io.lotabots.testsupport.TestArchives;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container (Arquillian): jobs left behind by a server that died mid-job are taken up by the
 * application's persistent sweeper (lease 5 s in the test server) and its message-driven bean.
 * A real submission through the API provides the tenant, pinned policy and evidence object that the
 * abandoned copies share.
 */
@ExtendWith(ArquillianExtension.class)
class AttestationJobInContainerIT {

    private static final String PEM = "-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----\n";

    @Deployment
    static WebArchive deployment() {
        return TestArchives.war(
                "attestation-it",
                AttestationJobFixtures.class,
                Attestation.class,
                AttestationStatus.class,
                AttestationType.class,
                Verdict.class,
                NewAttestation.class,
                JsonObjectConverter.class,
                io.lotabots.platform.json.Json.class,
                InstantConverter.class,
                NullableUuidConverter.class,
                Eventually.class);
    }

    @ArquillianResource
    URL base;

    @EJB
    AttestationJobFixtures fixtures;

    @Test
    void theSweeperTakesUpAJobLeftInProcessingAndItGetsOneVerdict() throws Exception {
        UUID original = submittedJob();
        UUID id = fixtures.abandonedCopyOf(original, Instant.now().minusSeconds(600));

        Attestation done = Eventually.await(
                Duration.ofSeconds(120),
                () -> fixtures.find(id),
                a -> a.status().isFinal(),
                "the sweeper to take up job " + id);

        // junk quote bytes: the verifier refuses them, which is a verdict, not a failure
        assertEquals(AttestationStatus.REJECTED, done.status());
        assertEquals(2, done.attempts(), "one attempt lost with the server, one after the sweep");
        assertTrue(done.token() != null && done.reportKey().endsWith("report-2.json"), done.reportKey());
    }

    @Test
    void aJobWhoseEvidenceCannotBeReadFailsAfterBoundedAttemptsWithTheReason() throws Exception {
        UUID original = submittedJob();
        UUID id = fixtures.abandonedWithoutEvidence(original, Instant.now().minusSeconds(600));

        Attestation done = Eventually.await(
                Duration.ofSeconds(120),
                () -> fixtures.find(id),
                a -> a.status().isFinal(),
                "job " + id + " to fail");

        assertEquals(AttestationStatus.FAILED, done.status());
        assertEquals(3, done.attempts(), "lotabots.attestation.max-attempts");
        assertTrue(done.failureReason().contains("ObjectNotFound"), done.failureReason());
        assertEquals(null, done.verdict());
    }

    @Test
    void aClaimReadsItsJobByTheKeyNotTheBacklogWhateverTheStatisticsSay() throws Exception {
        submittedJob(); // at least one final job in the statistics

        String plan = fixtures.claimPlan(UUID.randomUUID());

        assertTrue(plan.contains("Index Scan using attestation_pkey"), plan);
        assertFalse(plan.contains("attestation_unfinished"), plan);
    }

    /** A well-formed submission of junk evidence by the bootstrap administrator; waits for its verdict. */
    private UUID submittedJob() throws Exception {
        var http = HttpClient.newHttpClient();
        String root = base.getProtocol() + "://" + base.getHost() + ":" + base.getPort();
        var login = send(
                http,
                HttpRequest.newBuilder(URI.create(root + "/api/v1/auth/login"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"tenant\":\"default\",\"username\":\"admin\","
                                + "\"password\":\"integration-tests-only-Admin-Pass\"}")));
        String bearer = "Bearer " + login.getString("access_token");
        var nonce = send(
                http,
                HttpRequest.newBuilder(URI.create(root + "/api/v1/attestations/hardware/nonces"))
                        .header("Authorization", bearer)
                        .POST(HttpRequest.BodyPublishers.noBody()));
        String junk = Base64.getEncoder().encodeToString("junk".getBytes(StandardCharsets.US_ASCII));
        var body = Json.createObjectBuilder()
                .add("nonce", nonce.getString("nonce"))
                .add("quote", junk)
                .add("signature", junk)
                .add("pcrs", junk)
                .add("akPublicKey", PEM)
                .build();
        var accepted = send(
                http,
                HttpRequest.newBuilder(URI.create(root + "/api/v1/attestations/hardware"))
                        .header("Authorization", bearer)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())));
        UUID id = UUID.fromString(accepted.getString("id"));
        Eventually.await(
                Duration.ofSeconds(60), () -> fixtures.find(id), a -> a.status().isFinal(), "job " + id);
        return id;
    }

    private static int status(HttpClient http, HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (java.io.IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private static JsonObject send(HttpClient http, HttpRequest.Builder request) throws Exception {
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new AssertionError(response.statusCode() + " " + response.body());
        }
        return Json.createReader(new StringReader(response.body())).readObject();
    }
}
