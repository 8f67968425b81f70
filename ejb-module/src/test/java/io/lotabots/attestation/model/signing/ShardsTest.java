package io.lotabots.attestation.model.signing;

import static io.lotabots.attestation.model.signing.Verifications.assertRejected;
import static io.lotabots.attestation.model.signing.Verifications.assertValid;
import static io.lotabots.attestation.model.signing.Verifications.trustingKeys;
import static io.lotabots.attestation.model.signing.Verifications.verify;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.attestation.model.control.Finding;
import io.lotabots.attestation.model.signing.ModelSignatureBuilder.KeyForm;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shards method: every file cut in shard_size pieces, each read back and digested. */
class ShardsTest {

    private static final KeyPair KEYS = TestSigningKeys.generate(EcdsaCurve.P256);
    private static final SignatureTrust TRUST = trustingKeys(KEYS.getPublic());

    @TempDir
    Path temp;

    @ParameterizedTest
    @ValueSource(longs = {1, 7, 16, 320, 1_000_000_000})
    void shardedSignatureVerifiesForAnyShardSize(long shardSize) {
        Path model = TestModels.typical(temp);
        ModelSignatureBuilder.of(model).shards(shardSize).signWithKey(KEYS, KeyForm.HINT);

        SignatureVerification result = verify(model, TRUST);

        assertValid(result);
        assertEquals("shards", result.serializationMethod());
    }

    @Test
    void shardsAreReadBackThroughRangeReads() {
        Path model = TestModels.typical(temp);
        ModelSignatureBuilder.of(model).shards(100).signWithKey(KEYS, KeyForm.HINT);
        FolderModelTree tree = new FolderModelTree(model);

        assertValid(Verifications.verify(tree, TRUST, SignatureOptions.DEFAULTS, TestCertificateAuthority.NOW));
        // model.safetensors (320 bytes) is four shards; files of one shard have the digest recorded at upload
        assertEquals(4, tree.rangeReads.get());
    }

    @Test
    void changedByteIsNamedWithItsShardsOffset() throws IOException {
        Path model = TestModels.typical(temp);
        ModelSignatureBuilder.of(model).shards(100).signWithKey(KEYS, KeyForm.HINT);
        byte[] weights = Files.readAllBytes(model.resolve("model.safetensors"));
        weights[250] ^= 1;
        Files.write(model.resolve("model.safetensors"), weights);

        SignatureVerification result = verify(model, TRUST);

        Finding finding =
                assertRejected(result, SignatureStatus.INVALID, SignatureRules.DIGEST_MISMATCH, "model.safetensors");
        assertEquals(200L, finding.offset());
        assertEquals(1, result.findings().size(), Verifications.describe(result.findings()));
    }

    @Test
    void shardsModeReadsTheBytesNotTheRecordedDigest() throws IOException {
        Path model = TestModels.typical(temp);
        ModelSignatureBuilder.of(model).shards(100).signWithKey(KEYS, KeyForm.HINT);
        FolderModelTree recorded = new FolderModelTree(model);
        byte[] weights = Files.readAllBytes(model.resolve("model.safetensors"));
        weights[0] ^= 1;
        Files.write(model.resolve("model.safetensors"), weights);

        assertRejected(
                Verifications.verify(recorded, TRUST, SignatureOptions.DEFAULTS, TestCertificateAuthority.NOW),
                SignatureStatus.INVALID,
                SignatureRules.DIGEST_MISMATCH,
                "model.safetensors");
    }

    @Test
    void grownFileIsARangeMismatch() {
        Path model = TestModels.typical(temp);
        ModelSignatureBuilder.of(model).shards(100).signWithKey(KEYS, KeyForm.HINT);
        TestModels.write(model, "model.safetensors", "weights ".repeat(40) + "tail");

        Finding finding = assertRejected(
                verify(model, TRUST),
                SignatureStatus.INVALID,
                SignatureRules.SHARD_RANGE_MISMATCH,
                "model.safetensors");
        assertTrue(finding.detail().contains("324 bytes"), finding.detail());
    }

    @Test
    void truncatedFileIsARangeMismatch() {
        Path model = TestModels.typical(temp);
        ModelSignatureBuilder.of(model).shards(100).signWithKey(KEYS, KeyForm.HINT);
        TestModels.write(model, "model.safetensors", "weights ".repeat(25));

        assertRejected(
                verify(model, TRUST),
                SignatureStatus.INVALID,
                SignatureRules.SHARD_RANGE_MISMATCH,
                "model.safetensors");
    }

    @Test
    void shardsNotCutAtShardSizeAreARangeMismatch() {
        Path model = TestModels.typical(temp);
        byte[] weights = ("weights ".repeat(40)).getBytes(StandardCharsets.UTF_8);
        ModelSignatureBuilder.of(model)
                .shards(100)
                .statement(s -> FileSetTest.rootFitted(StatementTest.withResources(
                        s, recut(StatementTest.resources(s), "model.safetensors", weights, 160))))
                .signWithKey(KEYS, KeyForm.HINT);

        assertRejected(
                verify(model, TRUST),
                SignatureStatus.INVALID,
                SignatureRules.SHARD_RANGE_MISMATCH,
                "model.safetensors");
    }

    @Test
    void missingShardIsARangeMismatch() {
        Path model = TestModels.typical(temp);
        ModelSignatureBuilder.of(model)
                .shards(100)
                .statement(s -> FileSetTest.rootFitted(StatementTest.withResources(
                        s,
                        Json.createArrayBuilder(StatementTest.resources(s).stream()
                                        .filter(r -> !((JsonObject) r)
                                                .getString("name")
                                                .equals("model.safetensors:100:200"))
                                        .toList())
                                .build())))
                .signWithKey(KEYS, KeyForm.HINT);

        assertRejected(
                verify(model, TRUST),
                SignatureStatus.INVALID,
                SignatureRules.SHARD_RANGE_MISMATCH,
                "model.safetensors");
    }

    @Test
    void emptyFilesAreLeftOutOfShards() {
        Path model = TestModels.typical(temp);
        TestModels.write(model, "empty.txt", "");
        ModelSignatureBuilder.of(model).shards(100).signWithKey(KEYS, KeyForm.HINT);

        assertValid(verify(model, TRUST));
    }

    @Test
    void pathWithColonsIsSplitAtTheLastTwo() {
        Path model = TestModels.typical(temp);
        TestModels.write(model, "weights:v2:final.bin", "0123456789");
        ModelSignatureBuilder.of(model).shards(4).signWithKey(KEYS, KeyForm.HINT);

        assertValid(verify(model, TRUST));
        TestModels.write(model, "weights:v2:final.bin", "0123456780");
        Finding finding = assertRejected(
                verify(model, TRUST), SignatureStatus.INVALID, SignatureRules.DIGEST_MISMATCH, "weights:v2:final.bin");
        assertEquals(8L, finding.offset());
    }

    @Test
    void missingAndExtraFilesAreNamed() throws IOException {
        Path model = TestModels.typical(temp);
        ModelSignatureBuilder.of(model).shards(100).signWithKey(KEYS, KeyForm.HINT);
        Files.delete(model.resolve("model.safetensors"));
        TestModels.write(model, "model-2.safetensors", "other");

        SignatureVerification result = verify(model, TRUST);

        assertRejected(result, SignatureStatus.INVALID, SignatureRules.FILE_MISSING, "model.safetensors");
        assertRejected(result, SignatureStatus.INVALID, SignatureRules.FILE_EXTRA, "model-2.safetensors");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "model.safetensors",
                "model.safetensors:0",
                "model.safetensors:x:100",
                "model.safetensors:00:100",
                "model.safetensors:100:100",
                "model.safetensors:-1:100",
                ":0:100",
                "../model.safetensors:0:100"
            })
    void shardNameThatIsNotPathStartEndIsMalformed(String name) {
        Path model = TestModels.typical(temp);
        ModelSignatureBuilder.of(model)
                .shards(100)
                .statement(s -> StatementTest.withResources(
                        s,
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder(
                                                StatementTest.resources(s).getJsonObject(0))
                                        .add("name", name))
                                .build()))
                .signWithKey(KEYS, KeyForm.HINT);

        assertRejected(verify(model, TRUST), SignatureStatus.INVALID, SignatureRules.RESOURCE_MALFORMED, "model.sig");
    }

    /** The file's shards replaced by shards of {@code size} bytes (correct digests, wrong cut). */
    private static JsonArray recut(JsonArray resources, String path, byte[] content, int size) {
        var array = Json.createArrayBuilder();
        resources.stream()
                .map(JsonObject.class::cast)
                .filter(r -> !r.getString("name").startsWith(path + ":"))
                .forEach(array::add);
        for (int start = 0; start < content.length; start += size) {
            int end = Math.min(start + size, content.length);
            array.add(Json.createObjectBuilder()
                    .add("name", path + ":" + start + ":" + end)
                    .add("algorithm", "sha256")
                    .add("digest", FolderModelTree.sha256(Arrays.copyOfRange(content, start, end))));
        }
        return array.build();
    }
}
