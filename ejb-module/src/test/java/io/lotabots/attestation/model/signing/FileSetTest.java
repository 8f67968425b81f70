package io.lotabots.attestation.model.signing;

import static io.lotabots.attestation.model.signing.Verifications.assertRejected;
import static io.lotabots.attestation.model.signing.Verifications.assertValid;
import static io.lotabots.attestation.model.signing.Verifications.trustingKeys;
import static io.lotabots.attestation.model.signing.Verifications.verify;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lotabots.attestation.model.signing.ModelSignatureBuilder.KeyForm;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files method: the signed file set must equal the model's, applying the exclusions model_signing applies. */
class FileSetTest {

    private static final KeyPair KEYS = TestSigningKeys.generate(EcdsaCurve.P384);
    private static final SignatureTrust TRUST = trustingKeys(KEYS.getPublic());

    @TempDir
    Path temp;

    @Test
    void missingFileIsNamed() throws IOException {
        Path model = signedModel();
        Files.delete(model.resolve("tokenizer/tokenizer.json"));

        assertRejected(
                verify(model, TRUST), SignatureStatus.INVALID, SignatureRules.FILE_MISSING, "tokenizer/tokenizer.json");
    }

    @Test
    void extraFileIsNamed() {
        Path model = signedModel();
        TestModels.write(model, "tokenizer/added.py", "import os");

        assertRejected(verify(model, TRUST), SignatureStatus.INVALID, SignatureRules.FILE_EXTRA, "tokenizer/added.py");
    }

    @Test
    void changedFileIsNamed() {
        Path model = signedModel();
        TestModels.write(model, "config.json", "{\"model_type\": \"evil\"}");

        SignatureVerification result = verify(model, TRUST);

        assertRejected(result, SignatureStatus.INVALID, SignatureRules.DIGEST_MISMATCH, "config.json");
        assertEquals("files", result.serializationMethod());
        assertEquals(1, result.findings().size(), Verifications.describe(result.findings()));
    }

    @Test
    void everyDifferenceIsReportedNotOnlyTheFirst() throws IOException {
        Path model = signedModel();
        Files.delete(model.resolve("README.md"));
        TestModels.write(model, "config.json", "{}");
        TestModels.write(model, "extra.bin", "x");

        SignatureVerification result = verify(model, TRUST);

        assertEquals(
                List.of("README.md", "config.json", "extra.bin"),
                result.findings().stream().map(f -> f.file()).toList());
    }

    @Test
    void unsignedFilesAreAcceptedAndReportedWhenToldToIgnoreThem() {
        Path model = signedModel();
        TestModels.write(model, "notes.txt", "later");

        SignatureVerification result =
                verify(model, TRUST, new SignatureOptions(true, List.of(), SignatureOptions.DEFAULT_MAX_BUNDLE_BYTES));

        assertValid(result);
        assertEquals(SignatureRules.FILE_UNSIGNED, result.findings().get(0).rule());
        assertEquals("notes.txt", result.findings().get(0).file());
    }

    @Test
    void ignoringUnsignedFilesStillFailsAMissingOne() throws IOException {
        Path model = signedModel();
        Files.delete(model.resolve("README.md"));

        assertRejected(
                verify(model, TRUST, new SignatureOptions(true, List.of(), 1 << 20)),
                SignatureStatus.INVALID,
                SignatureRules.FILE_MISSING,
                "README.md");
    }

    @Test
    void gitFilesAtTheTopAreLeftOut() {
        Path model = signedModel();
        TestModels.write(model, ".git/config", "[core]");
        TestModels.write(model, ".gitattributes", "*.safetensors filter=lfs");
        TestModels.write(model, ".github/workflows/ci.yml", "on: push");
        TestModels.write(model, ".gitignore", "*.tmp");

        assertValid(verify(model, TRUST));
    }

    @Test
    void gitFilesDeeperDownMustBeSigned() {
        Path model = signedModel();
        TestModels.write(model, "tokenizer/.gitattributes", "x");

        assertRejected(
                verify(model, TRUST), SignatureStatus.INVALID, SignatureRules.FILE_EXTRA, "tokenizer/.gitattributes");
    }

    @Test
    void recordedIgnorePathsAreLeftOutWithEverythingUnderThem() {
        Path model = TestModels.typical(temp);
        TestModels.write(model, "checkpoints/step-1.bin", "a");
        ModelSignatureBuilder.of(model).ignoring("checkpoints").signWithKey(KEYS, KeyForm.HINT);
        TestModels.write(model, "checkpoints/step-2.bin", "b");

        assertValid(verify(model, TRUST));
    }

    @Test
    void ignorePathIsAPathNotAPrefixOfNames() {
        Path model = TestModels.typical(temp);
        ModelSignatureBuilder.of(model).ignoring("checkpoints").signWithKey(KEYS, KeyForm.HINT);
        TestModels.write(model, "checkpoints-old.bin", "b");

        assertRejected(verify(model, TRUST), SignatureStatus.INVALID, SignatureRules.FILE_EXTRA, "checkpoints-old.bin");
    }

    @Test
    void givenIgnorePathsAreLeftOut() {
        Path model = signedModel();
        TestModels.write(model, "local/cache.bin", "c");

        assertValid(verify(model, TRUST, new SignatureOptions(false, List.of("local"), 1 << 20)));
    }

    @Test
    void signedFileThatAnExclusionLeavesOutIsInvalid() {
        Path model = TestModels.typical(temp);
        TestModels.write(model, ".gitattributes", "*.bin binary");
        ModelSignatureBuilder.of(model)
                .statement(s -> rootFitted(StatementTest.withResources(
                        s,
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("name", ".gitattributes")
                                        .add("algorithm", "sha256")
                                        .add(
                                                "digest",
                                                FolderModelTree.sha256(
                                                        "*.bin binary".getBytes(StandardCharsets.UTF_8))))
                                .addAll(Json.createArrayBuilder(StatementTest.resources(s)))
                                .build())))
                .signWithKey(KEYS, KeyForm.HINT);

        assertRejected(verify(model, TRUST), SignatureStatus.INVALID, SignatureRules.FILE_EXCLUDED, ".gitattributes");
    }

    @Test
    void emptyFilesAreSignedInFilesMode() {
        Path model = TestModels.typical(temp);
        TestModels.write(model, "empty.txt", "");
        ModelSignatureBuilder.of(model).signWithKey(KEYS, KeyForm.HINT);

        assertValid(verify(model, TRUST));
        TestModels.write(model, "empty.txt", "now full");
        assertRejected(verify(model, TRUST), SignatureStatus.INVALID, SignatureRules.DIGEST_MISMATCH, "empty.txt");
    }

    @Test
    void signatureFileElsewhereIsLeftOutByItsPath() throws IOException {
        Path model = signedModel();
        Files.move(model.resolve("model.sig"), model.resolve("README.sig"));
        FolderModelTree tree = new FolderModelTree(model);

        SignatureVerification result = new ModelSignatureVerifier(java.time.Clock.systemUTC())
                .verify(tree, "README.sig", TRUST, SignatureOptions.DEFAULTS);

        assertValid(result);
    }

    @Test
    void filesModeTrustsTheDigestsRecordedWhenTheModelWasReceived() {
        Path model = signedModel();
        FolderModelTree recorded = new FolderModelTree(model);
        TestModels.write(model, "model.safetensors", "changed on disk after the upload was recorded");

        assertValid(Verifications.verify(recorded, TRUST, SignatureOptions.DEFAULTS, TestCertificateAuthority.NOW));
        assertEquals(0, recorded.rangeReads.get(), "whole files are not read again");
    }

    @Test
    void symbolicLinkIsRefusedWhenTheSignatureDidNotAllowThem() throws IOException {
        Path model = signedModel();
        Files.createSymbolicLink(model.resolve("weights.safetensors"), Path.of("model.safetensors"));

        assertRejected(
                verify(model, TRUST),
                SignatureStatus.INVALID,
                SignatureRules.SYMLINK_NOT_ALLOWED,
                "weights.safetensors");
    }

    @Test
    void allowedSymbolicLinkStandsForItsTarget() throws IOException {
        Path model = TestModels.typical(temp);
        Files.createSymbolicLink(model.resolve("tokenizer/config.json"), Path.of("../config.json"));
        ModelSignatureBuilder.of(model).allowSymlinks().signWithKey(KEYS, KeyForm.HINT);

        assertValid(verify(model, TRUST));
        TestModels.write(model, "config.json", "{\"changed\": true}");
        SignatureVerification changed = verify(model, TRUST);
        assertRejected(changed, SignatureStatus.INVALID, SignatureRules.DIGEST_MISMATCH, "tokenizer/config.json");
        assertRejected(changed, SignatureStatus.INVALID, SignatureRules.DIGEST_MISMATCH, "config.json");
    }

    @Test
    void allowedSymbolicLinkOutOfTheModelIsUnresolved() throws IOException {
        Path model = TestModels.typical(temp);
        TestModels.write(temp, "outside.txt", "secret");
        Files.createSymbolicLink(model.resolve("leak.txt"), Path.of("../outside.txt"));
        ModelSignatureBuilder.of(model).allowSymlinks().signWithKey(KEYS, KeyForm.HINT);

        assertRejected(verify(model, TRUST), SignatureStatus.INVALID, SignatureRules.SYMLINK_UNRESOLVED, "leak.txt");
    }

    @Test
    void absoluteSymbolicLinkIsUnresolved() throws IOException {
        Path model = TestModels.typical(temp);
        Files.createSymbolicLink(
                model.resolve("abs.json"), model.resolve("config.json").toAbsolutePath());
        ModelSignatureBuilder.of(model).allowSymlinks().signWithKey(KEYS, KeyForm.HINT);

        assertRejected(verify(model, TRUST), SignatureStatus.INVALID, SignatureRules.SYMLINK_UNRESOLVED, "abs.json");
    }

    private Path signedModel() {
        Path model = TestModels.typical(temp);
        ModelSignatureBuilder.of(model).signWithKey(KEYS, KeyForm.HINT);
        return model;
    }

    /** The subject's root digest recomputed over the statement's resources. */
    static JsonObject rootFitted(JsonObject statement) {
        var resources = StatementTest.resources(statement);
        byte[] concatenated = new byte[32 * resources.size()];
        for (int i = 0; i < resources.size(); i++) {
            byte[] digest = HexFormat.of().parseHex(resources.getJsonObject(i).getString("digest"));
            System.arraycopy(digest, 0, concatenated, 32 * i, 32);
        }
        return StatementTest.with(
                statement,
                "subject",
                Json.createArrayBuilder()
                        .add(Json.createObjectBuilder()
                                .add("name", "model")
                                .add(
                                        "digest",
                                        Json.createObjectBuilder().add("sha256", FolderModelTree.sha256(concatenated))))
                        .build());
    }
}
