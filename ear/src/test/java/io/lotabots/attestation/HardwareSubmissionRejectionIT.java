package io.lotabots.attestation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.TestTenant;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A malformed submission is one 400 problem+json naming every field at fault, and leaves nothing
 * behind: no row, no audit event, and the nonce it carried still unused.
 */
class HardwareSubmissionRejectionIT {

    private static final String PEM = "-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----\n";
    private static TestTenant tenant;
    private static ApiClient admin;

    @BeforeAll
    static void tenant() {
        AttestationApi.awaitApplication();
        tenant = TestTenant.create("hw-reject");
        admin = tenant.admin();
    }

    private static JsonObjectBuilder wellFormed(byte[] nonce) {
        return AttestationApi.meaninglessEvidence(nonce);
    }

    private static List<String> refusedFields(HttpResponse<String> response) {
        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonObject problem = ApiClient.json(response);
        assertEquals("https://lotabots.io/problems/validation", problem.getString("type"));
        return problem.getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field"))
                .sorted()
                .toList();
    }

    private static void assertNothingStored(byte[] nonce) {
        assertEquals(0, AttestationApi.rows(tenant.id()), "no attestation row");
        assertEquals(0, AttestationApi.auditEvents(tenant.id(), "attestation.submitted"), "no audit event");
        assertTrue(NonceKeys.value(tenant.id(), nonce).matches("\\d+"), "the nonce is not consumed");
    }

    @Test
    void aBodyThatIsNoJsonIsAMalformedBody() {
        var response = admin.postJson(AttestationApi.SUBMIT, "{\"nonce\": \"00\", ");

        assertEquals(400, response.statusCode(), response.body());
        assertEquals(
                "https://lotabots.io/problems/malformed-body",
                ApiClient.json(response).getString("type"));
        assertEquals(0, AttestationApi.rows(tenant.id()), "no attestation row");
    }

    @Test
    void missingFieldsAreNamedAllAtOnce() {
        byte[] nonce = AttestationApi.nonce(admin);

        var response = AttestationApi.submit(
                admin,
                Json.createObjectBuilder()
                        .add("nonce", HexFormat.of().formatHex(nonce))
                        .build());

        assertEquals(List.of("akPublicKey", "pcrs", "quote", "signature"), refusedFields(response));
        assertNothingStored(nonce);
    }

    @Test
    void badBase64AndAnUnknownPcrsFormatAreRefused() {
        byte[] nonce = AttestationApi.nonce(admin);

        var response = AttestationApi.submit(
                admin,
                wellFormed(nonce).add("quote", "***").add("pcrsFormat", "yaml").build());

        assertEquals(List.of("pcrsFormat", "quote"), refusedFields(response));
        assertNothingStored(nonce);
    }

    @Test
    void aNonceThatIsNotHexIsRefusedAndUpperCaseHexIsAccepted() {
        byte[] nonce = AttestationApi.nonce(admin);

        assertEquals(
                List.of("nonce"),
                refusedFields(AttestationApi.submit(
                        admin, wellFormed(nonce).add("nonce", "zz").build())));
        var upper = wellFormed(nonce)
                .add("nonce", HexFormat.of().formatHex(nonce).toUpperCase())
                .add("deviceId", "not-a-uuid")
                .build();
        assertEquals(List.of("deviceId"), refusedFields(AttestationApi.submit(admin, upper)));
        assertNothingStored(nonce);
    }

    @Test
    void anOversizePartIsRefusedInJsonAndInMultipart() {
        byte[] nonce = AttestationApi.nonce(admin);
        byte[] big = new byte[70_000];

        var json = wellFormed(nonce)
                .add("quote", Base64.getEncoder().encodeToString(big))
                .build();
        assertEquals(List.of("quote"), refusedFields(AttestationApi.submit(admin, json)));

        var form = new Multipart()
                .text("nonce", HexFormat.of().formatHex(nonce))
                .file("quote", "quote.msg", big)
                .file("signature", "quote.sig", new byte[] {1})
                .file("pcrs", "quote.pcrs", new byte[] {1})
                .file("akPublicKey", "ak.pem", PEM.getBytes(StandardCharsets.US_ASCII));
        assertEquals(List.of("quote"), refusedFields(AttestationApi.submit(admin, form)));
        assertNothingStored(nonce);
    }

    @Test
    void multipartWithoutTheQuoteOrWithAnUnknownPartIsRefused() {
        byte[] nonce = AttestationApi.nonce(admin);

        var form = new Multipart()
                .text("nonce", HexFormat.of().formatHex(nonce))
                .file("signature", "quote.sig", new byte[] {1})
                .file("pcrs", "quote.pcrs", new byte[] {1})
                .file("akPublicKey", "ak.pem", PEM.getBytes(StandardCharsets.US_ASCII))
                .file("quotes", "typo.msg", new byte[] {1});

        assertEquals(List.of("quote", "quotes"), refusedFields(AttestationApi.submit(admin, form)));
        assertNothingStored(nonce);
    }

    @Test
    void anUnknownPolicyIsRefused() {
        byte[] nonce = AttestationApi.nonce(admin);

        var response = AttestationApi.submit(
                admin, wellFormed(nonce).add("policy", "no-such-policy").build());

        assertEquals(List.of("policy"), refusedFields(response));
        assertNothingStored(nonce);
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequest() {
        var response = admin.postJson(AttestationApi.SUBMIT, "{\"nonce\": ");

        assertEquals(400, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertEquals(0, AttestationApi.rows(tenant.id()));
    }
}
