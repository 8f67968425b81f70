package io.lotabots.attestation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testkit.tpm.AkKind;
import io.lotabots.testkit.tpm.AttestationKey;
import io.lotabots.testkit.tpm.SoftwareTpm;
import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.Eventually;
import io.lotabots.testsupport.Metrics;
import io.lotabots.testsupport.RabbitMqBroker;
import io.lotabots.testsupport.SecondServer;
import io.lotabots.testsupport.TestTenant;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The RabbitMQ job transport ({@code lotabots.attestation.transport=rabbitmq}, docs/architecture.md): a
 * second server configured for it, on a queue of its own in the RabbitMQ that runs on this machine,
 * declares that queue, names the broker in its readiness, and verifies the real
 * swtpm evidence submitted to it, which can reach it only through RabbitMQ (nothing else announces
 * jobs to its embedded engine).
 */
class RabbitMqTransportIT {

    /** A queue of this run's own: other builds on the machine share the broker. */
    private static final String QUEUE = "lotabots.attestations.it-" + UUID.randomUUID();

    private static SecondServer rabbitMqServer;
    private static SoftwareTpm tpm;
    private static AttestationKey ak;
    private static ApiClient admin;

    @BeforeAll
    static void start() {
        AttestationApi.awaitApplication();
        rabbitMqServer = SecondServer.start(RabbitMqBroker.transportOn(QUEUE));
        tpm = SoftwareTpm.start();
        ak = tpm.createAttestationKey(AkKind.ECC_P256);
        admin = TestTenant.create("rabbitmq").admin();
    }

    @AfterAll
    static void stop() {
        if (tpm != null) {
            tpm.close();
        }
        if (rabbitMqServer != null) {
            rabbitMqServer.close();
        }
        RabbitMqBroker.deleteQueue(QUEUE);
    }

    @Test
    void theServerDeclaresTheSharedQueueAndReportsTheBrokerInItsReadiness() {
        // RabbitMQ's JMS client receives with basic.get, so the queue lists no consumers: its existence
        // (declared by the server's consumers at start) and the readiness detail show the server is on it
        String messages = Eventually.await(
                Duration.ofSeconds(30),
                () -> queueColumn("messages"),
                count -> !"absent".equals(count),
                "RabbitMQ queue " + QUEUE + " declared");
        assertTrue(messages.matches("\\d+"), messages);

        var ready = new ApiClient().get(rabbitMqServer.url("/health/ready"));
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(
                ready.body().contains("RabbitMQ queue " + QUEUE + " reachable"),
                "readiness names the broker: " + ready.body());
    }

    @Test
    void aJobSubmittedToTheRabbitMqServerIsVerifiedThere() {
        double before = verifications(rabbitMqServer);
        var nonceAnswer = admin.postJson(rabbitMqServer.url(AttestationApi.NONCES), "");
        assertEquals(201, nonceAnswer.statusCode(), nonceAnswer.body());
        byte[] nonce = HexFormat.of().parseHex(ApiClient.json(nonceAnswer).getString("nonce"));
        var quote = tpm.quote(ak, nonce, TpmEvidence.SELECTION);

        var answer = admin.postJson(
                rabbitMqServer.url(AttestationApi.SUBMIT),
                TpmEvidence.json(nonce, quote, ak).toString());
        assertEquals(202, answer.statusCode(), answer.body());
        String location = answer.headers().firstValue("Location").orElseThrow();
        assertEquals(
                rabbitMqServer.url(
                        "/api/v1/attestations/" + ApiClient.json(answer).getString("id")),
                location);
        var result = AttestationApi.awaitVerdict(admin, location);

        assertEquals("VERIFIED", result.getString("status"), result.toString());
        // verified by the RabbitMQ server itself, which took it from the broker
        assertEquals(before + 1, verifications(rabbitMqServer), "verifications on the RabbitMQ server");
        assertEquals("0", queueColumn("messages"), "the message was acknowledged");
    }

    /** attestation_verification_duration_seconds_count of hardware jobs on that server. */
    private static double verifications(SecondServer server) {
        var answer = Metrics.send(HttpRequest.newBuilder(URI.create(server.httpsUrl("/metrics")))
                .header("Authorization", Metrics.basic()));
        assertEquals(200, answer.statusCode(), "scraping the RabbitMQ server");
        double value =
                Metrics.value(answer.body(), "attestation_verification_duration_seconds_count{type=\"hardware\"}");
        return Math.max(0, value);
    }

    private static String queueColumn(String column) {
        return RabbitMqBroker.queueColumn(QUEUE, column);
    }
}
