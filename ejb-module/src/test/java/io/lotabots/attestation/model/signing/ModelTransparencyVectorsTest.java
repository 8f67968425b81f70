package io.lotabots.attestation.model.signing;

import static io.lotabots.attestation.model.signing.Verifications.assertRejected;
import static io.lotabots.attestation.model.signing.Verifications.assertValid;
import static io.lotabots.attestation.model.signing.Verifications.verify;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** sigstore/model-transparency's own test vectors (src/test/resources/model-signing/model-transparency). */
class ModelTransparencyVectorsTest {

    /** model_signing's hint of signing-key-pub.pem: of the canonical PEM, not of the file with certtool's text. */
    private static final String SIGNING_KEY_HINT = "e8450dec4eb99dae995da9af1bc2cc9f76ed669ee2e744f57abba763df3e3f8e";

    private static final SignatureOptions IGNORING_IGNORE_ME =
            new SignatureOptions(false, List.of("ignore-me"), SignatureOptions.DEFAULT_MAX_BUNDLE_BYTES);

    @TempDir
    Path temp;

    @Test
    void keyVectorWithRawBytesVerifiesWhenIgnoringWhatItsTestIgnores() {
        SignatureVerification result = verify(vector("v1.0.1-elliptic-key"), keyTrust(), IGNORING_IGNORE_ME);

        assertValid(result);
        assertEquals(SigningMethod.KEY, result.signer().method());
        assertEquals(SIGNING_KEY_HINT, result.signer().keyHint());
        assertEquals("92745110b1ab4368471cbe31664e10174e954b113a3df333db860317b2c6dec4", result.rootDigest());
        assertEquals("files", result.serializationMethod());
    }

    @Test
    void keyVectorWithRawBytesFindsTheUnsignedFileItsTestIgnores() {
        assertRejected(
                verify(vector("v1.0.1-elliptic-key"), keyTrust()),
                SignatureStatus.INVALID,
                SignatureRules.FILE_EXTRA,
                "ignore-me");
    }

    @Test
    void keyVectorWithHintAndRecordedIgnorePathsVerifies() {
        SignatureVerification result = verify(vector("v1.1.0-elliptic-key"), keyTrust());

        assertValid(result);
        assertEquals(SIGNING_KEY_HINT, result.signer().keyHint());
        assertEquals("92745110b1ab4368471cbe31664e10174e954b113a3df333db860317b2c6dec4", result.rootDigest());
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1.0.0-certificate", "v1.0.1-certificate", "v1.1.0-certificate"})
    void certificateVectorsVerifyToTheirRootCa(String name) {
        SignatureVerification result = verify(vector(name), caTrust("ca-cert.pem"), IGNORING_IGNORE_ME);

        assertValid(result);
        assertEquals(SigningMethod.CERTIFICATE, result.signer().method());
        assertEquals("CN=intermediate-ca", result.signer().subject());
        assertEquals("CN=intermediate-ca", result.signer().issuer());
        assertEquals(SIGNING_KEY_HINT, result.signer().keyHint());
        assertEquals("61d4849d9d90076d6215f4d525f13d6574af8e3f67aef3e6f36fc40a14fdd226", result.rootDigest());
    }

    @Test
    void certificateVectorVerifiesToItsIntermediateWhenThatIsTheTrustedCa() {
        assertValid(verify(vector("v1.1.0-certificate"), caTrust("int-ca-cert.pem")));
    }

    @Test
    void certificateVectorIsUntrustedByATenantTrustingOnlyTheSigningKey() {
        assertRejected(
                verify(vector("v1.1.0-certificate"), keyTrust()),
                SignatureStatus.INVALID,
                SignatureRules.CERTIFICATE_UNTRUSTED,
                "model.sig");
    }

    @Test
    void certificateVectorIsInvalidOnceItsLeafExpired() {
        SignatureVerification result = Verifications.verify(
                new FolderModelTree(vector("v1.1.0-certificate")),
                caTrust("ca-cert.pem"),
                SignatureOptions.DEFAULTS,
                Instant.parse("2035-05-01T00:00:00Z"));

        assertRejected(result, SignatureStatus.INVALID, SignatureRules.CERTIFICATE_EXPIRED, "model.sig");
    }

    @Test
    void keyVectorIsUntrustedWithAnotherKey() {
        SignatureTrust other = Verifications.trustingKeys(
                TestSigningKeys.generate(EcdsaCurve.P384).getPublic());

        assertRejected(
                verify(vector("v1.1.0-elliptic-key"), other),
                SignatureStatus.INVALID,
                SignatureRules.KEY_UNTRUSTED,
                "model.sig");
        assertRejected(
                verify(vector("v1.0.1-elliptic-key"), other, IGNORING_IGNORE_ME),
                SignatureStatus.INVALID,
                SignatureRules.KEY_UNTRUSTED,
                "model.sig");
    }

    @Test
    void changedFileOfAKeyVectorIsNamed() throws IOException {
        Path copy = copy("v1.1.0-elliptic-key");
        Files.writeString(copy.resolve("signme-2"), "changed\n");

        SignatureVerification result = verify(copy, keyTrust());

        assertRejected(result, SignatureStatus.INVALID, SignatureRules.DIGEST_MISMATCH, "signme-2");
        assertEquals(SIGNING_KEY_HINT, result.signer().keyHint(), "the signature itself is authentic");
    }

    @Test
    void preOnePointZeroSignatureIsUnsupported() {
        assertRejected(
                verify(vector("v0.2.0-certificate"), caTrust("ca-cert.pem")),
                SignatureStatus.UNSUPPORTED,
                SignatureRules.LEGACY_PAE,
                "model.sig");
    }

    @Test
    void keylessSigstoreSignatureIsUnsupportedNeverValid() {
        assertRejected(
                verify(vector("v1.1.0-sigstore"), caTrust("ca-cert.pem")),
                SignatureStatus.UNSUPPORTED,
                SignatureRules.KEYLESS_UNSUPPORTED,
                "model.sig");
    }

    private static SignatureTrust keyTrust() {
        return SignatureTrust.fromPem(List.of(read("keys/certificate/signing-key-pub.pem")), List.of());
    }

    private static SignatureTrust caTrust(String file) {
        return SignatureTrust.fromPem(List.of(), List.of(read("keys/certificate/" + file)));
    }

    static Path vector(String name) {
        try {
            return Path.of(ModelTransparencyVectorsTest.class
                    .getResource("/model-signing/model-transparency/" + name)
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(String file) {
        try {
            return Files.readString(vector(file));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path copy(String name) throws IOException {
        Path target = temp.resolve(name);
        Files.createDirectories(target);
        try (Stream<Path> files = Files.list(vector(name))) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
        return target;
    }
}
