package io.lotabots.attestation.model.signing;

import static io.lotabots.attestation.model.signing.Verifications.assertRejected;
import static io.lotabots.attestation.model.signing.Verifications.assertValid;
import static io.lotabots.attestation.model.signing.Verifications.verify;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lotabots.attestation.model.signing.TestCertificateAuthority.Usage;
import jakarta.json.Json;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificate-method signatures: chains the test's CA issues, validated by PKIX at the injected time. */
class CertificateSignatureTest {

    private static final TestCertificateAuthority ROOT = TestCertificateAuthority.root("Model Signing Root");
    private static final TestCertificateAuthority INTERMEDIATE = ROOT.intermediate("Model Signing Issuing CA");
    private static final TestCertificateAuthority OTHER_ROOT = TestCertificateAuthority.root("Someone Else's Root");
    private static final KeyPair SIGNER = TestSigningKeys.generate(EcdsaCurve.P256);
    private static final Instant NOW = TestCertificateAuthority.NOW;

    @TempDir
    Path temp;

    @Test
    void chainToATrustedRootVerifies() {
        Path model = sign(INTERMEDIATE.leaf("ml-team@example.com", SIGNER.getPublic()), INTERMEDIATE.certificate);

        SignatureVerification result = verify(model, trusting(ROOT));

        assertValid(result);
        assertEquals(
                new ModelSigner(
                        SigningMethod.CERTIFICATE,
                        PublicKeyHint.of(SIGNER.getPublic()),
                        "CN=ml-team@example.com",
                        "CN=Model Signing Issuing CA"),
                result.signer());
    }

    @Test
    void chainThatAlsoCarriesTheRootVerifies() {
        Path model = sign(INTERMEDIATE.leaf("ml-team", SIGNER.getPublic()), INTERMEDIATE.certificate, ROOT.certificate);

        assertValid(verify(model, trusting(ROOT)));
    }

    @Test
    void leafForCodeSigningOnlyVerifies() {
        Path model = sign(
                INTERMEDIATE.leaf(
                        "ml-team",
                        SIGNER.getPublic(),
                        Usage.CODE_SIGNING_ONLY,
                        NOW.minus(Duration.ofDays(1)),
                        NOW.plus(Duration.ofDays(30))),
                INTERMEDIATE.certificate);

        assertValid(verify(model, trusting(ROOT)));
    }

    @Test
    void leafNotMeantForSigningIsInvalid() {
        Path model = sign(
                INTERMEDIATE.leaf(
                        "ml-team",
                        SIGNER.getPublic(),
                        Usage.KEY_ENCIPHERMENT_ONLY,
                        NOW.minus(Duration.ofDays(1)),
                        NOW.plus(Duration.ofDays(30))),
                INTERMEDIATE.certificate);

        assertRejected(
                verify(model, trusting(ROOT)), SignatureStatus.INVALID, SignatureRules.CERTIFICATE_USAGE, "model.sig");
    }

    @Test
    void expiredLeafIsInvalid() {
        Path model = sign(
                INTERMEDIATE.leaf(
                        "ml-team",
                        SIGNER.getPublic(),
                        Usage.DIGITAL_SIGNATURE,
                        NOW.minus(Duration.ofDays(30)),
                        NOW.minus(Duration.ofSeconds(1))),
                INTERMEDIATE.certificate);

        assertRejected(
                verify(model, trusting(ROOT)),
                SignatureStatus.INVALID,
                SignatureRules.CERTIFICATE_EXPIRED,
                "model.sig");
    }

    @Test
    void leafValidOnlyLaterIsInvalid() {
        Path model = sign(
                INTERMEDIATE.leaf(
                        "ml-team",
                        SIGNER.getPublic(),
                        Usage.DIGITAL_SIGNATURE,
                        NOW.plus(Duration.ofDays(1)),
                        NOW.plus(Duration.ofDays(30))),
                INTERMEDIATE.certificate);

        assertRejected(
                verify(model, trusting(ROOT)),
                SignatureStatus.INVALID,
                SignatureRules.CERTIFICATE_NOT_YET_VALID,
                "model.sig");
    }

    @Test
    void clockDecidesValidity() {
        Path model = sign(INTERMEDIATE.leaf("ml-team", SIGNER.getPublic()), INTERMEDIATE.certificate);
        FolderModelTree tree = new FolderModelTree(model);

        assertValid(Verifications.verify(tree, trusting(ROOT), SignatureOptions.DEFAULTS, NOW));
        assertRejected(
                Verifications.verify(tree, trusting(ROOT), SignatureOptions.DEFAULTS, NOW.plus(Duration.ofDays(366))),
                SignatureStatus.INVALID,
                SignatureRules.CERTIFICATE_EXPIRED,
                "model.sig");
    }

    @Test
    void chainToAnUntrustedRootIsInvalid() {
        Path model = sign(INTERMEDIATE.leaf("ml-team", SIGNER.getPublic()), INTERMEDIATE.certificate);

        assertRejected(
                verify(model, trusting(OTHER_ROOT)),
                SignatureStatus.INVALID,
                SignatureRules.CERTIFICATE_UNTRUSTED,
                "model.sig");
    }

    @Test
    void chainMissingItsIntermediateIsInvalid() {
        Path model = sign(INTERMEDIATE.leaf("ml-team", SIGNER.getPublic()));

        assertRejected(
                verify(model, trusting(ROOT)),
                SignatureStatus.INVALID,
                SignatureRules.CERTIFICATE_UNTRUSTED,
                "model.sig");
    }

    @Test
    void selfMadeCopyOfTheTrustedRootsNameIsInvalid() {
        TestCertificateAuthority impostor = TestCertificateAuthority.root("Model Signing Root");
        Path model = sign(impostor.leaf("ml-team", SIGNER.getPublic()), impostor.certificate);

        assertRejected(
                verify(model, trusting(ROOT)),
                SignatureStatus.INVALID,
                SignatureRules.CERTIFICATE_UNTRUSTED,
                "model.sig");
    }

    @Test
    void tenantTrustingNoCaFindsTheChainUntrusted() {
        Path model = sign(INTERMEDIATE.leaf("ml-team", SIGNER.getPublic()), INTERMEDIATE.certificate);

        assertRejected(
                verify(model, Verifications.trustingKeys(SIGNER.getPublic())),
                SignatureStatus.INVALID,
                SignatureRules.CERTIFICATE_UNTRUSTED,
                "model.sig");
    }

    @Test
    void signatureByAnotherKeyThanTheLeafsIsAMismatch() {
        Path model = TestModels.typical(temp);
        ModelSignatureBuilder.of(model)
                .signWithCertificate(
                        TestSigningKeys.generate(EcdsaCurve.P256).getPrivate(),
                        List.of(INTERMEDIATE.leaf("ml-team", SIGNER.getPublic()), INTERMEDIATE.certificate));

        assertRejected(
                verify(model, trusting(ROOT)), SignatureStatus.INVALID, SignatureRules.SIGNATURE_MISMATCH, "model.sig");
    }

    @Test
    void trustedLeafWithAnRsaKeyIsUnsupported() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair keys = rsa.generateKeyPair();
        X509Certificate leaf = INTERMEDIATE.leaf("rsa-signer", keys.getPublic());
        Path model = TestModels.typical(temp);
        ModelSignatureBuilder.of(model).signWithCertificate(keys.getPrivate(), List.of(leaf, INTERMEDIATE.certificate));

        assertRejected(
                verify(model, trusting(ROOT)),
                SignatureStatus.UNSUPPORTED,
                SignatureRules.KEY_UNSUPPORTED,
                "model.sig");
    }

    @Test
    void chainWithTransparencyLogEntriesIsKeylessAndUnsupported() {
        Path model = TestModels.typical(temp);
        ModelSignatureBuilder.of(model)
                .bundle(bundle -> Json.createObjectBuilder(bundle)
                        .add(
                                "verificationMaterial",
                                Json.createObjectBuilder(bundle.getJsonObject("verificationMaterial"))
                                        .add(
                                                "tlogEntries",
                                                Json.createArrayBuilder()
                                                        .add(Json.createObjectBuilder()
                                                                .add("logIndex", "7"))))
                        .build())
                .signWithCertificate(
                        SIGNER.getPrivate(),
                        List.of(INTERMEDIATE.leaf("ml-team", SIGNER.getPublic()), INTERMEDIATE.certificate));

        assertRejected(
                verify(model, trusting(ROOT)),
                SignatureStatus.UNSUPPORTED,
                SignatureRules.KEYLESS_UNSUPPORTED,
                "model.sig");
    }

    @Test
    void fulcioStyleCertificateIsKeylessAndUnsupportedEvenFromATrustedCa() throws Exception {
        Path model = TestModels.typical(temp);
        String leaf = ModelSignatureBuilder.base64(
                INTERMEDIATE.leaf("ml-team", SIGNER.getPublic()).getEncoded());
        ModelSignatureBuilder.of(model)
                .bundle(bundle -> Json.createObjectBuilder(bundle)
                        .add(
                                "verificationMaterial",
                                Json.createObjectBuilder()
                                        .add(
                                                "certificate",
                                                Json.createObjectBuilder().add("rawBytes", leaf))
                                        .add("tlogEntries", Json.createArrayBuilder()))
                        .build())
                .signWithKey(SIGNER, ModelSignatureBuilder.KeyForm.HINT);

        SignatureVerification result = verify(model, trusting(ROOT));

        assertRejected(result, SignatureStatus.UNSUPPORTED, SignatureRules.KEYLESS_UNSUPPORTED, "model.sig");
        assertEquals(null, result.signer());
    }

    private Path sign(X509Certificate... chain) {
        Path model = TestModels.typical(temp);
        ModelSignatureBuilder.of(model).signWithCertificate(SIGNER.getPrivate(), List.of(chain));
        return model;
    }

    private static SignatureTrust trusting(TestCertificateAuthority authority) {
        return new SignatureTrust(List.of(), List.of(authority.certificate));
    }
}
