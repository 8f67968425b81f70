package io.lotabots.attestation.hardware.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.attestation.hardware.tpm.PcrsFormat;
import io.lotabots.platform.refusal.FieldProblem;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HardwareSubmissionReaderTest {

    private static final PartLimits LIMITS = new PartLimits(64, 128);
    private static final String NONCE = "00112233445566778899AABBCCDDEEFF";
    private static final String PEM = "-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----\n";

    private static JsonObjectBuilder valid() {
        return Json.createObjectBuilder()
                .add("nonce", NONCE)
                .add("quote", b64("quote"))
                .add("signature", b64("sig"))
                .add("pcrs", b64("pcrs"))
                .add("akPublicKey", PEM);
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> fieldsRefused(Runnable read) {
        var problem = assertThrows(MalformedSubmissionException.class, read::run);
        return problem.errors().stream().map(FieldProblem::field).toList();
    }

    @Test
    void readsAJsonSubmissionWithTheDefaults() {
        var submission = HardwareSubmissionReader.fromJson(valid().build(), LIMITS);

        var e = submission.evidence();
        assertArrayEquals(java.util.HexFormat.of().parseHex(NONCE.toLowerCase()), e.nonce());
        assertArrayEquals("quote".getBytes(StandardCharsets.UTF_8), e.quote());
        assertEquals(PcrsFormat.SERIALIZED, e.pcrsFormat());
        assertEquals(PEM, e.akPublicKeyPem());
        assertNull(submission.policy());
        assertNull(e.deviceId());
    }

    @Test
    void acceptsBase64WrappedOverLines() {
        var body = valid().add("quote", "cXVv\ndGU=").build();

        assertArrayEquals(
                "quote".getBytes(StandardCharsets.UTF_8),
                HardwareSubmissionReader.fromJson(body, LIMITS).evidence().quote());
    }

    @Test
    void namesEveryMissingRequiredField() {
        var refused = fieldsRefused(() ->
                HardwareSubmissionReader.fromJson(Json.createObjectBuilder().build(), LIMITS));

        assertTrue(
                refused.containsAll(List.of("nonce", "quote", "signature", "pcrs", "akPublicKey")), refused.toString());
    }

    @Test
    void refusesBadBase64AndBadHex() {
        var body = valid().add("quote", "not base64!").add("nonce", "xyz").build();

        assertEquals(
                List.of("nonce", "quote"),
                fieldsRefused(() -> HardwareSubmissionReader.fromJson(body, LIMITS)).stream()
                        .sorted()
                        .toList());
    }

    @Test
    void refusesANonceShorterThanEightBytes() {
        var body = valid().add("nonce", "00112233").build();

        assertEquals(List.of("nonce"), fieldsRefused(() -> HardwareSubmissionReader.fromJson(body, LIMITS)));
    }

    @Test
    void refusesAnUnknownPcrsFormatAndValuesWithoutSelection() {
        assertEquals(
                List.of("pcrsFormat"),
                fieldsRefused(() -> HardwareSubmissionReader.fromJson(
                        valid().add("pcrsFormat", "yaml").build(), LIMITS)));
        assertEquals(
                List.of("pcrSelection"),
                fieldsRefused(() -> HardwareSubmissionReader.fromJson(
                        valid().add("pcrsFormat", "values").build(), LIMITS)));
    }

    @Test
    void readsValuesWithASelection() {
        var body = valid().add("pcrsFormat", "values")
                .add("pcrSelection", "sha256:0,1,2+sha1:7")
                .build();

        var e = HardwareSubmissionReader.fromJson(body, LIMITS).evidence();

        assertEquals(PcrsFormat.VALUES, e.pcrsFormat());
        assertEquals("sha256:0,1,2+sha1:7", e.pcrSelection());
    }

    @Test
    void refusesAPartOverItsLimitAndAnEventLogOverItsOwn() {
        String big = Base64.getEncoder().encodeToString(new byte[65]);
        String log = Base64.getEncoder().encodeToString(new byte[100]);

        assertEquals(
                List.of("quote"),
                fieldsRefused(() -> HardwareSubmissionReader.fromJson(
                        valid().add("quote", big).build(), LIMITS)));
        assertArrayEquals(
                new byte[100],
                HardwareSubmissionReader.fromJson(valid().add("eventLog", log).build(), LIMITS)
                        .evidence()
                        .eventLog());
    }

    @Test
    void refusesUnknownFieldsWrongTypesBadDeviceIdsAndPolicyNames() {
        var body = valid().add("quotes", "x")
                .add("signature", 5)
                .add("deviceId", "laptop-1")
                .add("policy", "../etc")
                .build();

        assertEquals(
                List.of("deviceId", "policy", "quotes", "signature"),
                fieldsRefused(() -> HardwareSubmissionReader.fromJson(body, LIMITS)).stream()
                        .sorted()
                        .toList());
    }

    @Test
    void takesCertificatesAsPemOrBase64DerAndAChainAsAnArray() {
        var body = valid().add("ekCertificate", Base64.getEncoder().encodeToString(new byte[] {0x30, 0x03, 1, 2, 3}))
                .add("akCertificate", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")
                .add(
                        "certificateChain",
                        Json.createArrayBuilder().add(b64("ca1")).add(b64("ca2")))
                .build();

        var e = HardwareSubmissionReader.fromJson(body, LIMITS).evidence();

        assertArrayEquals(new byte[] {0x30, 0x03, 1, 2, 3}, e.ekCertificate());
        assertTrue(new String(e.akCertificate(), StandardCharsets.US_ASCII).startsWith("-----BEGIN CERTIFICATE"));
        assertEquals(2, e.certificateChain().size());
    }

    @Test
    void readsMultipartPartsAsRawFilesWithTrimmedTextFields() {
        Map<String, List<byte[]>> parts = new LinkedHashMap<>();
        parts.put("nonce", List.of((NONCE.toLowerCase() + "\n").getBytes(StandardCharsets.US_ASCII)));
        parts.put("quote", List.of(new byte[] {(byte) 0xff, 0x54, 0x43, 0x47}));
        parts.put("signature", List.of(new byte[] {0, 0x18}));
        parts.put("pcrs", List.of(new byte[] {1}));
        parts.put("akPublicKey", List.of(PEM.getBytes(StandardCharsets.US_ASCII)));
        parts.put("certificateChain", List.of(new byte[] {1}, new byte[] {2}));

        var e = HardwareSubmissionReader.fromParts(parts, List.of(), LIMITS).evidence();

        assertArrayEquals(new byte[] {(byte) 0xff, 0x54, 0x43, 0x47}, e.quote());
        assertEquals(16, e.nonce().length);
        assertEquals(2, e.certificateChain().size());
    }

    @Test
    void refusesAMultipartFieldSentTwiceAndCarriesPartErrors() {
        Map<String, List<byte[]>> parts = new LinkedHashMap<>();
        parts.put("nonce", List.of(NONCE.getBytes(StandardCharsets.US_ASCII)));
        parts.put("quote", List.of(new byte[] {1}, new byte[] {2}));
        parts.put("signature", List.of(new byte[] {1}));
        parts.put("pcrs", List.of(new byte[] {1}));
        parts.put("akPublicKey", List.of(PEM.getBytes(StandardCharsets.US_ASCII)));
        var tooBig = new ArrayList<FieldProblem>(List.of(new FieldProblem("eventLog", "is over 128 bytes")));

        var refused = fieldsRefused(() -> HardwareSubmissionReader.fromParts(parts, tooBig, LIMITS));

        assertTrue(refused.contains("quote") && refused.contains("eventLog"), refused.toString());
    }
}
