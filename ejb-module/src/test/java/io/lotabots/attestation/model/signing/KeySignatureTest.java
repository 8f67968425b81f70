package io.lotabots.attestation.model.signing;

import static io.lotabots.attestation.model.signing.Verifications.assertRejected;
import static io.lotabots.attestation.model.signing.Verifications.assertValid;
import static io.lotabots.attestation.model.signing.Verifications.trustingKeys;
import static io.lotabots.attestation.model.signing.Verifications.verify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.lotabots.attestation.model.signing.ModelSignatureBuilder.KeyForm;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.stream.JsonGenerator;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Key-method signatures made by the test, in every form model_signing writes them, and their forgeries. */
class KeySignatureTest {

    private static final Map<EcdsaCurve, KeyPair> KEYS = Map.of(
            EcdsaCurve.P256, TestSigningKeys.generate(EcdsaCurve.P256),
            EcdsaCurve.P384, TestSigningKeys.generate(EcdsaCurve.P384),
            EcdsaCurve.P521, TestSigningKeys.generate(EcdsaCurve.P521));
    private static final KeyPair OTHER = TestSigningKeys.generate(EcdsaCurve.P256);

    @TempDir
    Path temp;

    @ParameterizedTest
    @EnumSource(EcdsaCurve.class)
    void signatureWithHintVerifiesOnEveryCurve(EcdsaCurve curve) {
        Path model = TestModels.typical(temp);
        ModelSignatureBuilder.of(model).signWithKey(KEYS.get(curve), KeyForm.HINT);

        SignatureVerification result =
                verify(model, trustingKeys(OTHER.getPublic(), KEYS.get(curve).getPublic()));

        assertValid(result);
        assertEquals(ModelSigner.key(PublicKeyHint.of(KEYS.get(curve).getPublic())), result.signer());
        assertEquals(
                ModelSignatureBuilder.of(model)
                        .statement()
                        .getJsonArray("subject")
                        .getJsonObject(0)
                        .getJsonObject("digest")
                        .getString("sha256"),
                result.rootDigest());
        assertEquals("files", result.serializationMethod());
    }

    @ParameterizedTest
    @EnumSource(
            value = KeyForm.class,
            names = {"RAW_PEM", "RAW_DER", "UNNAMED"})
    void olderKeyFormsVerify(KeyForm form) {
        Path model = TestModels.typical(temp);
        ModelSignatureBuilder.of(model).signWithKey(KEYS.get(EcdsaCurve.P384), form);

        assertValid(verify(
                model, trustingKeys(OTHER.getPublic(), KEYS.get(EcdsaCurve.P384).getPublic())));
    }

    @Test
    void trustFromPemWithTextAroundTheBlockVerifies() {
        Path model = TestModels.typical(temp);
        KeyPair keys = KEYS.get(EcdsaCurve.P521);
        ModelSignatureBuilder.of(model).signWithKey(keys, KeyForm.HINT);
        String pem = "Public Key Information:\n\tCurve: SECP521R1\n\n" + TestSigningKeys.pem(keys.getPublic());

        assertValid(verify(model, SignatureTrust.fromPem(java.util.List.of(pem), java.util.List.of())));
    }

    @Test
    void keyTheTenantDoesNotTrustIsInvalid() {
        Path model = TestModels.typical(temp);
        ModelSignatureBuilder.of(model).signWithKey(KEYS.get(EcdsaCurve.P256), KeyForm.HINT);

        SignatureVerification result = verify(model, trustingKeys(OTHER.getPublic()));

        assertRejected(result, SignatureStatus.INVALID, SignatureRules.KEY_UNTRUSTED, "model.sig");
        assertNull(result.signer(), "an untrusted signer is not reported as the signer");
    }

    @ParameterizedTest
    @EnumSource(
            value = KeyForm.class,
            names = {"RAW_PEM", "RAW_DER"})
    void rawKeyTheTenantDoesNotTrustIsInvalid(KeyForm form) {
        Path model = TestModels.typical(temp);
        ModelSignatureBuilder.of(model).signWithKey(KEYS.get(EcdsaCurve.P256), form);

        assertRejected(
                verify(model, trustingKeys(OTHER.getPublic())),
                SignatureStatus.INVALID,
                SignatureRules.KEY_UNTRUSTED,
                "model.sig");
    }

    @Test
    void unnamedKeyWithNoTrustedKeysIsInvalid() {
        Path model = TestModels.typical(temp);
        ModelSignatureBuilder.of(model).signWithKey(KEYS.get(EcdsaCurve.P256), KeyForm.UNNAMED);

        assertRejected(
                verify(model, SignatureTrust.NONE), SignatureStatus.INVALID, SignatureRules.KEY_UNTRUSTED, "model.sig");
    }

    @Test
    void unnamedKeySignedByAnUntrustedKeyIsASignatureMismatch() {
        Path model = TestModels.typical(temp);
        ModelSignatureBuilder.of(model).signWithKey(OTHER, KeyForm.UNNAMED);

        assertRejected(
                verify(model, trustingKeys(KEYS.get(EcdsaCurve.P256).getPublic())),
                SignatureStatus.INVALID,
                SignatureRules.SIGNATURE_MISMATCH,
                "model.sig");
    }

    @Test
    void hintOfATrustedKeyOnAnotherKeysSignatureIsASignatureMismatch() {
        Path model = TestModels.typical(temp);
        KeyPair trusted = KEYS.get(EcdsaCurve.P256);
        ModelSignatureBuilder.of(model)
                .bundle(bundle -> withPublicKey(
                        bundle,
                        Json.createObjectBuilder()
                                .add("hint", PublicKeyHint.of(trusted.getPublic()))
                                .build()))
                .signWithKey(OTHER, KeyForm.HINT);

        assertRejected(
                verify(model, trustingKeys(trusted.getPublic())),
                SignatureStatus.INVALID,
                SignatureRules.SIGNATURE_MISMATCH,
                "model.sig");
    }

    @Test
    void rawKeyWithKeyDetailsOfAnotherCurveIsInvalid() {
        Path model = TestModels.typical(temp);
        KeyPair keys = KEYS.get(EcdsaCurve.P384);
        ModelSignatureBuilder.of(model)
                .bundle(bundle -> withPublicKey(
                        bundle,
                        Json.createObjectBuilder()
                                .add(
                                        "rawBytes",
                                        ModelSignatureBuilder.base64(
                                                keys.getPublic().getEncoded()))
                                .add("keyDetails", "PKIX_ECDSA_P256_SHA_256")
                                .build()))
                .signWithKey(keys, KeyForm.RAW_DER);

        assertRejected(
                verify(model, trustingKeys(keys.getPublic())),
                SignatureStatus.INVALID,
                SignatureRules.KEY_DETAILS_MISMATCH,
                "model.sig");
    }

    @Test
    void payloadChangedAfterSigningIsASignatureMismatch() {
        Path model = TestModels.typical(temp);
        KeyPair keys = KEYS.get(EcdsaCurve.P256);
        ModelSignatureBuilder.of(model)
                .payloadAfterSigning(payload -> new String(payload, StandardCharsets.UTF_8)
                        .replace("\"allow_symlinks\":false", "\"allow_symlinks\":true")
                        .getBytes(StandardCharsets.UTF_8))
                .signWithKey(keys, KeyForm.HINT);

        assertRejected(
                verify(model, trustingKeys(keys.getPublic())),
                SignatureStatus.INVALID,
                SignatureRules.SIGNATURE_MISMATCH,
                "model.sig");
    }

    @Test
    void signatureOverTheRawPayloadInsteadOfThePaeIsAMismatch() {
        Path model = TestModels.typical(temp);
        KeyPair keys = KEYS.get(EcdsaCurve.P256);
        ModelSignatureBuilder.of(model).signing((type, payload) -> payload).signWithKey(keys, KeyForm.HINT);

        assertRejected(
                verify(model, trustingKeys(keys.getPublic())),
                SignatureStatus.INVALID,
                SignatureRules.SIGNATURE_MISMATCH,
                "model.sig");
    }

    @Test
    void signatureOverAPaeWithAnotherPayloadTypeIsAMismatch() {
        Path model = TestModels.typical(temp);
        KeyPair keys = KEYS.get(EcdsaCurve.P256);
        ModelSignatureBuilder.of(model)
                .signing((type, payload) -> Dsse.pae("application/json", payload))
                .signWithKey(keys, KeyForm.HINT);

        assertRejected(
                verify(model, trustingKeys(keys.getPublic())),
                SignatureStatus.INVALID,
                SignatureRules.SIGNATURE_MISMATCH,
                "model.sig");
    }

    @Test
    void signatureWithTheWrongDigestForTheCurveIsAMismatch() {
        Path model = TestModels.typical(temp);
        KeyPair keys = KEYS.get(EcdsaCurve.P256);
        byte[][] pae = new byte[1][];
        ModelSignatureBuilder.of(model)
                .signing((type, payload) -> pae[0] = Dsse.pae(type, payload))
                .bundle(bundle ->
                        withSignature(bundle, TestSigningKeys.sign("SHA512withECDSA", keys.getPrivate(), pae[0])))
                .signWithKey(keys, KeyForm.HINT);

        assertRejected(
                verify(model, trustingKeys(keys.getPublic())),
                SignatureStatus.INVALID,
                SignatureRules.SIGNATURE_MISMATCH,
                "model.sig");
    }

    @Test
    void payloadIsVerifiedAsSignedNotReserialized() {
        Path model = TestModels.typical(temp);
        KeyPair keys = KEYS.get(EcdsaCurve.P384);
        ModelSignatureBuilder.of(model).payloadWriter(KeySignatureTest::pretty).signWithKey(keys, KeyForm.HINT);

        assertValid(verify(model, trustingKeys(keys.getPublic())));
    }

    @Test
    void prettyPrintedPayloadSignedCompactIsAMismatch() {
        Path model = TestModels.typical(temp);
        KeyPair keys = KEYS.get(EcdsaCurve.P384);
        ModelSignatureBuilder.of(model)
                .payloadWriter(KeySignatureTest::pretty)
                .signing((type, payload) -> Dsse.pae(
                        type,
                        Json.createReader(new java.io.ByteArrayInputStream(payload))
                                .readObject()
                                .toString()
                                .getBytes(StandardCharsets.UTF_8)))
                .signWithKey(keys, KeyForm.HINT);

        assertRejected(
                verify(model, trustingKeys(keys.getPublic())),
                SignatureStatus.INVALID,
                SignatureRules.SIGNATURE_MISMATCH,
                "model.sig");
    }

    @Test
    void otherPayloadTypeIsInvalid() {
        Path model = TestModels.typical(temp);
        KeyPair keys = KEYS.get(EcdsaCurve.P256);
        ModelSignatureBuilder.of(model)
                .bundle(bundle -> Json.createObjectBuilder(bundle)
                        .add(
                                "dsseEnvelope",
                                Json.createObjectBuilder(bundle.getJsonObject("dsseEnvelope"))
                                        .add("payloadType", "application/json"))
                        .build())
                .signWithKey(keys, KeyForm.HINT);

        assertRejected(
                verify(model, trustingKeys(keys.getPublic())),
                SignatureStatus.INVALID,
                SignatureRules.PAYLOAD_TYPE,
                "model.sig");
    }

    @Test
    void keySignatureWithTransparencyLogEntriesVerifiesWithANote() {
        Path model = TestModels.typical(temp);
        KeyPair keys = KEYS.get(EcdsaCurve.P256);
        ModelSignatureBuilder.of(model)
                .bundle(bundle -> Json.createObjectBuilder(bundle)
                        .add(
                                "verificationMaterial",
                                Json.createObjectBuilder(bundle.getJsonObject("verificationMaterial"))
                                        .add(
                                                "tlogEntries",
                                                Json.createArrayBuilder()
                                                        .add(Json.createObjectBuilder()
                                                                .add("logIndex", "1"))))
                        .build())
                .signWithKey(keys, KeyForm.HINT);

        SignatureVerification result = verify(model, trustingKeys(keys.getPublic()));

        assertValid(result);
        assertEquals(SignatureRules.TLOG_NOT_CHECKED, result.findings().get(0).rule());
    }

    static JsonObject withPublicKey(JsonObject bundle, JsonObject publicKey) {
        return Json.createObjectBuilder(bundle)
                .add(
                        "verificationMaterial",
                        Json.createObjectBuilder(bundle.getJsonObject("verificationMaterial"))
                                .add("publicKey", publicKey))
                .build();
    }

    static JsonObject withSignature(JsonObject bundle, byte[] signature) {
        JsonObject envelope = bundle.getJsonObject("dsseEnvelope");
        return Json.createObjectBuilder(bundle)
                .add(
                        "dsseEnvelope",
                        Json.createObjectBuilder(envelope)
                                .add(
                                        "signatures",
                                        Json.createArrayBuilder()
                                                .add(Json.createObjectBuilder()
                                                        .add("sig", ModelSignatureBuilder.base64(signature)))))
                .build();
    }

    private static byte[] pretty(JsonObject statement) {
        StringWriter out = new StringWriter();
        Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(out)
                .write(statement);
        return ("\n" + out + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
