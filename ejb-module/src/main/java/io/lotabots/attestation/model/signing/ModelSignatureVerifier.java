package io.lotabots.attestation.model.signing;

import io.lotabots.attestation.model.control.Finding;
import io.lotabots.model.control.ModelFile;
import io.lotabots.model.control.ModelTree;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies a model's OpenSSF Model Signing v1.0 signature ({@code model.sig}, a Sigstore bundle v0.3 with a DSSE
 * envelope around an in-toto statement) against what the tenant trusts, in model_signing's order: the bundle's
 * media type, the signer's key or certificate chain, the signature over the PAE bytes, the statement and its
 * predicate, then the signed resources against the model's files, which must be exactly the same set. Pure and
 * thread-safe; the clock decides certificate validity. A storage failure is an {@link IOException}; anything
 * wrong with the signature is a result.
 */
public final class ModelSignatureVerifier {

    private final Clock clock;

    public ModelSignatureVerifier(Clock clock) {
        this.clock = clock;
    }

    public SignatureVerification verify(
            ModelTree tree, String signaturePath, SignatureTrust trust, SignatureOptions options) throws IOException {
        ModelFile signatureFile = tree.files().stream()
                .filter(file -> file.path().equals(signaturePath))
                .findFirst()
                .orElse(null);
        if (signatureFile == null) {
            return SignatureVerification.absent();
        }
        Verification verification = new Verification(signaturePath);
        try {
            return verification.run(tree, signatureFile, trust, options);
        } catch (SignatureRejection rejection) {
            return verification.rejected(rejection);
        } catch (RuntimeException e) {
            // input nobody foresaw must fail the signature, not the job; the tests fuzz to keep this unreachable
            return verification.rejected(SignatureRejection.invalid(
                    SignatureRules.UNREADABLE,
                    "the signature could not be read: " + e.getClass().getSimpleName()));
        }
    }

    /** One verification's state, so that a rejection still reports what was established before it. */
    private final class Verification {

        private final String signaturePath;
        private final List<Finding> notes = new ArrayList<>();
        private ModelSigner signer;
        private String method;

        Verification(String signaturePath) {
            this.signaturePath = signaturePath;
        }

        SignatureVerification run(
                ModelTree tree, ModelFile signatureFile, SignatureTrust trust, SignatureOptions options)
                throws IOException, SignatureRejection {
            SigstoreBundle bundle = SigstoreBundle.parse(read(tree, signatureFile, options.maxBundleBytes()));
            signer = SignerAuthentication.authenticate(bundle, trust, clock.instant());
            if (bundle.material().tlogEntries() > 0) {
                notes.add(SignatureFindings.note(
                        signaturePath,
                        SignatureRules.TLOG_NOT_CHECKED,
                        "the bundle's "
                                + bundle.material().tlogEntries() + " transparency log entries were not checked; the"
                                + " signature verified with a key the tenant trusts"));
            }
            SignedManifest manifest = StatementParser.parse(bundle.payload());
            Serialization serialization = manifest.serialization();
            method = serialization.method();
            Exclusions exclusions = Exclusions.of(signaturePath, serialization.ignorePaths(), options.ignorePaths());
            ModelInventory inventory = ModelInventory.of(tree, exclusions, serialization.allowSymlinks());
            ManifestMatcher.Match match =
                    ManifestMatcher.match(manifest, tree, inventory, exclusions, options.ignoreUnsignedFiles());
            notes.addAll(match.notes());
            if (!match.mismatches().isEmpty()) {
                List<Finding> findings = new ArrayList<>(match.mismatches());
                findings.addAll(notes);
                return new SignatureVerification(SignatureStatus.INVALID, signer, null, method, findings);
            }
            return new SignatureVerification(SignatureStatus.VALID, signer, manifest.rootDigest(), method, notes);
        }

        SignatureVerification rejected(SignatureRejection rejection) {
            List<Finding> findings = new ArrayList<>(List.of(rejection.finding(signaturePath)));
            findings.addAll(notes);
            return new SignatureVerification(rejection.status(), signer, null, method, findings);
        }

        private byte[] read(ModelTree tree, ModelFile signatureFile, long maxBytes)
                throws IOException, SignatureRejection {
            if (signatureFile.symlink()) {
                throw SignatureRejection.invalid(
                        SignatureRules.BUNDLE_MALFORMED,
                        "the signature file is a symbolic link, not a Sigstore bundle");
            }
            if (signatureFile.size() > maxBytes) {
                throw tooLarge(signatureFile.size(), maxBytes);
            }
            try (InputStream in = tree.open(signatureFile.path())) {
                byte[] bytes = in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
                if (bytes.length > maxBytes) {
                    throw tooLarge(bytes.length, maxBytes);
                }
                return bytes;
            }
        }

        private SignatureRejection tooLarge(long size, long maxBytes) {
            return SignatureRejection.invalid(
                    SignatureRules.BUNDLE_TOO_LARGE,
                    "the signature file has " + size + " bytes, more than the " + maxBytes + " read");
        }
    }
}
