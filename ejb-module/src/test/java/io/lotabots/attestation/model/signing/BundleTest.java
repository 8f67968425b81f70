package io.lotabots.attestation.model.signing;

import static io.lotabots.attestation.model.signing.Verifications.assertRejected;
import static io.lotabots.attestation.model.signing.Verifications.trustingKeys;
import static io.lotabots.attestation.model.signing.Verifications.verify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.attestation.model.signing.ModelSignatureBuilder.KeyForm;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The signature file itself: present or not, its size, and the Sigstore bundle structure. */
class BundleTest {

    private static final KeyPair KEYS = TestSigningKeys.generate(EcdsaCurve.P256);
    private static final SignatureTrust TRUST = trustingKeys(KEYS.getPublic());

    @TempDir
    Path temp;

    @Test
    void modelWithoutSignatureFileIsAbsent() {
        SignatureVerification result = verify(TestModels.typical(temp), TRUST);

        assertEquals(SignatureStatus.ABSENT, result.status());
        assertEquals(List.of(), result.findings());
        assertNull(result.signer());
        assertNull(result.rootDigest());
    }

    @Test
    void signatureFileInAFolderIsNotTheOneAtThePath() {
        Path model = TestModels.typical(temp);
        ModelSignatureBuilder.of(model).signWithKey(KEYS, KeyForm.HINT);
        TestModels.write(model, "sub/model.sig", "{}");
        try {
            Files.delete(model.resolve("model.sig"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }

        assertEquals(SignatureStatus.ABSENT, verify(model, TRUST).status());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/vnd.dev.sigstore.bundle.v0.2+json",
                "application/vnd.dev.sigstore.bundle+json;version=0.3",
                "application/json",
                ""
            })
    void otherMediaTypeIsInvalid(String mediaType) {
        assertRejected(
                signed(b -> with(b, "mediaType", mediaType)),
                SignatureStatus.INVALID,
                SignatureRules.BUNDLE_MEDIA_TYPE,
                "model.sig");
    }

    @Test
    void inputEchoedInAFindingIsCutShort() {
        var finding = assertRejected(
                signed(b -> with(b, "mediaType", "x".repeat(100_000))),
                SignatureStatus.INVALID,
                SignatureRules.BUNDLE_MEDIA_TYPE,
                "model.sig");

        assertTrue(finding.detail().length() < 300, finding.detail());
    }

    @Test
    void missingMediaTypeIsInvalid() {
        assertRejected(
                signed(b -> Json.createObjectBuilder(b).remove("mediaType").build()),
                SignatureStatus.INVALID,
                SignatureRules.BUNDLE_MEDIA_TYPE,
                "model.sig");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "[]", "null", "\"model.sig\"", "{\"mediaType\": 3}", "{} {}"})
    void signatureFileThatIsNotABundleObjectIsInvalid(String content) {
        Path model = TestModels.typical(temp);
        TestModels.write(model, "model.sig", content);

        SignatureVerification result = verify(model, TRUST);

        assertEquals(SignatureStatus.INVALID, result.status());
        String rule = result.findings().get(0).rule();
        assertTrue(rule.equals(SignatureRules.BUNDLE_MALFORMED) || rule.equals(SignatureRules.BUNDLE_MEDIA_TYPE), rule);
    }

    @Test
    void signatureFileThatIsNotUtf8IsMalformed() {
        Path model = TestModels.typical(temp);
        TestModels.write(model, "model.sig", new byte[] {'{', '"', (byte) 0xc3, '"', ':', '1', '}'});

        assertRejected(verify(model, TRUST), SignatureStatus.INVALID, SignatureRules.BUNDLE_MALFORMED, "model.sig");
    }

    @Test
    void payloadThatIsNotBase64IsMalformed() {
        assertRejected(
                signed(b -> withEnvelope(b, "payload", "not base64!")),
                SignatureStatus.INVALID,
                SignatureRules.BUNDLE_MALFORMED,
                "model.sig");
    }

    @Test
    void urlSafeBase64IsAcceptedAsProtobufJsonAcceptsIt() {
        SignatureVerification result = signed(b -> withEnvelope(
                b,
                "payload",
                b.getJsonObject("dsseEnvelope")
                        .getString("payload")
                        .replace('+', '-')
                        .replace('/', '_')
                        .replace("=", "")));

        Verifications.assertValid(result);
    }

    @Test
    void signatureThatIsNotBase64IsMalformed() {
        assertRejected(
                signed(b -> KeySignatureTest.withSignature(b, new byte[0])),
                SignatureStatus.INVALID,
                SignatureRules.BUNDLE_MALFORMED,
                "model.sig");
        assertRejected(
                signed(b -> withEnvelope(
                        b,
                        "signatures",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder().add("sig", "%%%"))
                                .build())),
                SignatureStatus.INVALID,
                SignatureRules.BUNDLE_MALFORMED,
                "model.sig");
    }

    @Test
    void signatureThatIsNotDerIsAMismatch() {
        assertRejected(
                signed(b -> KeySignatureTest.withSignature(b, new byte[64])),
                SignatureStatus.INVALID,
                SignatureRules.SIGNATURE_MISMATCH,
                "model.sig");
    }

    @Test
    void envelopeWithNoOrTwoSignaturesIsMalformed() {
        assertRejected(
                signed(b ->
                        withEnvelope(b, "signatures", Json.createArrayBuilder().build())),
                SignatureStatus.INVALID,
                SignatureRules.BUNDLE_MALFORMED,
                "model.sig");
        assertRejected(
                signed(b -> withEnvelope(
                        b,
                        "signatures",
                        Json.createArrayBuilder(b.getJsonObject("dsseEnvelope").getJsonArray("signatures"))
                                .add(b.getJsonObject("dsseEnvelope")
                                        .getJsonArray("signatures")
                                        .get(0))
                                .build())),
                SignatureStatus.INVALID,
                SignatureRules.BUNDLE_MALFORMED,
                "model.sig");
    }

    @Test
    void messageSignatureInsteadOfAnEnvelopeIsMalformed() {
        assertRejected(
                signed(b -> Json.createObjectBuilder(b)
                        .remove("dsseEnvelope")
                        .add("messageSignature", Json.createObjectBuilder().add("signature", "AAAA"))
                        .build()),
                SignatureStatus.INVALID,
                SignatureRules.BUNDLE_MALFORMED,
                "model.sig");
    }

    @Test
    void materialWithTwoKindsOrNoneIsMalformed() {
        JsonObject chain = Json.createObjectBuilder()
                .add("certificates", Json.createArrayBuilder())
                .build();
        assertRejected(
                signed(b -> with(
                        b,
                        "verificationMaterial",
                        Json.createObjectBuilder(b.getJsonObject("verificationMaterial"))
                                .add("x509CertificateChain", chain)
                                .build())),
                SignatureStatus.INVALID,
                SignatureRules.BUNDLE_MALFORMED,
                "model.sig");
        assertRejected(
                signed(b -> with(
                        b, "verificationMaterial", Json.createObjectBuilder().build())),
                SignatureStatus.INVALID,
                SignatureRules.BUNDLE_MALFORMED,
                "model.sig");
    }

    @Test
    void certificateThatIsNotDerIsMalformed() {
        JsonObject chain = Json.createObjectBuilder()
                .add(
                        "certificates",
                        Json.createArrayBuilder().add(Json.createObjectBuilder().add("rawBytes", "AAAA")))
                .build();
        assertRejected(
                signed(b -> with(
                        b,
                        "verificationMaterial",
                        Json.createObjectBuilder()
                                .add("x509CertificateChain", chain)
                                .build())),
                SignatureStatus.INVALID,
                SignatureRules.BUNDLE_MALFORMED,
                "model.sig");
    }

    @Test
    void rawBytesThatAreNoKeyAreMalformed() {
        assertRejected(
                signed(b -> KeySignatureTest.withPublicKey(
                        b,
                        Json.createObjectBuilder()
                                .add("rawBytes", ModelSignatureBuilder.base64("hello".getBytes(StandardCharsets.UTF_8)))
                                .build())),
                SignatureStatus.INVALID,
                SignatureRules.BUNDLE_MALFORMED,
                "model.sig");
    }

    @Test
    void signatureFileLargerThanTheLimitIsNotRead() {
        Path model = TestModels.typical(temp);
        byte[] bundle = ModelSignatureBuilder.of(model).signWithKey(KEYS, KeyForm.HINT);

        SignatureVerification result = verify(model, TRUST, new SignatureOptions(false, List.of(), bundle.length - 1));

        assertRejected(result, SignatureStatus.INVALID, SignatureRules.BUNDLE_TOO_LARGE, "model.sig");
        Verifications.assertValid(verify(model, TRUST, new SignatureOptions(false, List.of(), bundle.length)));
    }

    @Test
    void signatureFileThatIsASymbolicLinkIsRefused() throws IOException {
        Path model = TestModels.typical(temp);
        ModelSignatureBuilder.of(model).signWithKey(KEYS, KeyForm.HINT);
        Files.move(model.resolve("model.sig"), model.resolve("real.sig"));
        Files.createSymbolicLink(model.resolve("model.sig"), Path.of("real.sig"));

        assertRejected(verify(model, TRUST), SignatureStatus.INVALID, SignatureRules.BUNDLE_MALFORMED, "model.sig");
    }

    private SignatureVerification signed(UnaryOperator<JsonObject> bundleEdit) {
        Path model = TestModels.typical(temp);
        ModelSignatureBuilder.of(model).bundle(bundleEdit).signWithKey(KEYS, KeyForm.HINT);
        return verify(model, TRUST);
    }

    private static JsonObject with(JsonObject object, String name, String value) {
        return Json.createObjectBuilder(object).add(name, value).build();
    }

    private static JsonObject with(JsonObject object, String name, JsonObject value) {
        return Json.createObjectBuilder(object).add(name, value).build();
    }

    private static JsonObject withEnvelope(JsonObject bundle, String name, String value) {
        return with(bundle, "dsseEnvelope", with(bundle.getJsonObject("dsseEnvelope"), name, value));
    }

    private static JsonObject withEnvelope(JsonObject bundle, String name, jakarta.json.JsonArray value) {
        return with(
                bundle,
                "dsseEnvelope",
                Json.createObjectBuilder(bundle.getJsonObject("dsseEnvelope"))
                        .add(name, value)
                        .build());
    }
}
