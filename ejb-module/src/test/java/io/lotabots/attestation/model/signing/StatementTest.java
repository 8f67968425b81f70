package io.lotabots.attestation.model.signing;

import static io.lotabots.attestation.model.signing.Verifications.assertRejected;
import static io.lotabots.attestation.model.signing.Verifications.trustingKeys;
import static io.lotabots.attestation.model.signing.Verifications.verify;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lotabots.attestation.model.signing.ModelSignatureBuilder.KeyForm;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The signed statement, correctly signed but saying something this verifier must refuse: each case signs an
 * edited statement with a trusted key, so only the statement rule can reject it.
 */
class StatementTest {

    private static final KeyPair KEYS = TestSigningKeys.generate(EcdsaCurve.P256);

    @TempDir
    Path temp;

    @Test
    void otherStatementTypeIsInvalid() {
        assertRejected(
                signed(s -> with(s, "_type", "https://in-toto.io/Statement/v0.1")),
                SignatureStatus.INVALID,
                SignatureRules.STATEMENT_TYPE,
                "model.sig");
    }

    @Test
    void unknownPredicateTypeIsInvalid() {
        assertRejected(
                signed(s -> with(s, "predicateType", "https://slsa.dev/provenance/v1")),
                SignatureStatus.INVALID,
                SignatureRules.PREDICATE_TYPE_UNKNOWN,
                "model.sig");
    }

    @Test
    void deprecatedV01PredicateIsUnsupportedButNamesItsAuthenticSigner() {
        SignatureVerification result = signed(s -> with(s, "predicateType", "https://model_signing/Digests/v0.1"));

        assertRejected(result, SignatureStatus.UNSUPPORTED, SignatureRules.PREDICATE_DEPRECATED, "model.sig");
        assertEquals(ModelSigner.key(PublicKeyHint.of(KEYS.getPublic())), result.signer());
    }

    @ParameterizedTest
    @ValueSource(strings = {"blake2", "blake2b", "blake3"})
    void blakeDigestsAreUnsupported(String hashType) {
        assertRejected(
                signed(s -> withSerialization(s, "hash_type", Json.createValue(hashType))),
                SignatureStatus.UNSUPPORTED,
                SignatureRules.HASH_UNSUPPORTED,
                "model.sig");
    }

    @Test
    void unknownDigestIsInvalid() {
        assertRejected(
                signed(s -> withSerialization(s, "hash_type", Json.createValue("md5"))),
                SignatureStatus.INVALID,
                SignatureRules.HASH_UNKNOWN,
                "model.sig");
    }

    @Test
    void unknownSerializationMethodIsInvalid() {
        assertRejected(
                signed(s -> withSerialization(s, "method", Json.createValue("digests"))),
                SignatureStatus.INVALID,
                SignatureRules.SERIALIZATION_UNKNOWN,
                "model.sig");
    }

    @Test
    void rootDigestThatIsNotTheResourcesDigestIsInvalid() {
        assertRejected(
                signed(s -> with(
                        s,
                        "subject",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("name", "model")
                                        .add(
                                                "digest",
                                                Json.createObjectBuilder().add("sha256", "00".repeat(32))))
                                .build())),
                SignatureStatus.INVALID,
                SignatureRules.ROOT_DIGEST_MISMATCH,
                "model.sig");
    }

    @Test
    void resourcesReorderedAfterTheRootWasComputedAreInvalid() {
        assertRejected(
                signed(s -> withResources(s, reversed(resources(s)))),
                SignatureStatus.INVALID,
                SignatureRules.ROOT_DIGEST_MISMATCH,
                "model.sig");
    }

    @Test
    void twoSubjectsAreMalformed() {
        assertRejected(
                signed(s -> with(
                        s,
                        "subject",
                        Json.createArrayBuilder(s.getJsonArray("subject"))
                                .add(s.getJsonArray("subject").get(0))
                                .build())),
                SignatureStatus.INVALID,
                SignatureRules.STATEMENT_MALFORMED,
                "model.sig");
    }

    @Test
    void missingPredicateIsMalformed() {
        assertRejected(
                signed(s -> Json.createObjectBuilder(s).remove("predicate").build()),
                SignatureStatus.INVALID,
                SignatureRules.STATEMENT_MALFORMED,
                "model.sig");
    }

    @ParameterizedTest
    @ValueSource(strings = {"../config.json", "/config.json", "./config.json", "tokenizer//tokenizer.json", ""})
    void resourceNameThatIsNotANormalizedPathIsMalformed(String name) {
        assertRejected(
                signed(s -> withResources(s, renamedFirst(resources(s), name))),
                SignatureStatus.INVALID,
                SignatureRules.RESOURCE_MALFORMED,
                "model.sig");
    }

    @Test
    void repeatedResourceIsMalformed() {
        assertRejected(
                signed(s -> withResources(
                        s,
                        Json.createArrayBuilder(resources(s))
                                .add(resources(s).get(0))
                                .build())),
                SignatureStatus.INVALID,
                SignatureRules.RESOURCE_MALFORMED,
                "model.sig");
    }

    @Test
    void resourceDigestThatIsNotSha256HexIsMalformed() {
        assertRejected(
                signed(s -> withResources(
                        s,
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder(resources(s).getJsonObject(0))
                                        .add("digest", "abc"))
                                .build())),
                SignatureStatus.INVALID,
                SignatureRules.RESOURCE_MALFORMED,
                "model.sig");
    }

    @Test
    void resourceWithAnotherAlgorithmThanTheSerializationsIsMalformed() {
        assertRejected(
                signed(s -> withResources(
                        s,
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder(resources(s).getJsonObject(0))
                                        .add("algorithm", "sha512"))
                                .build())),
                SignatureStatus.INVALID,
                SignatureRules.RESOURCE_MALFORMED,
                "model.sig");
    }

    @ParameterizedTest
    @ValueSource(strings = {".", "..", "/etc", "a/../b", ""})
    void recordedIgnorePathThatCouldHideFilesIsInvalid(String path) {
        assertRejected(
                signed(s -> withSerialization(
                        s,
                        "ignore_paths",
                        Json.createArrayBuilder().add(".git").add(path).build())),
                SignatureStatus.INVALID,
                SignatureRules.IGNORE_PATH_INVALID,
                "model.sig");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"yes\"", "1", "null"})
    void allowSymlinksThatIsNotABooleanIsMalformedUnlessNull(String value) {
        JsonValue json = Json.createReader(new java.io.StringReader(value)).readValue();
        SignatureVerification result = signed(s -> withSerialization(s, "allow_symlinks", json));
        if (json == JsonValue.NULL) {
            Verifications.assertValid(result);
        } else {
            assertRejected(result, SignatureStatus.INVALID, SignatureRules.STATEMENT_MALFORMED, "model.sig");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-4", "4.5", "1e3", "\"4\"", "99999999999999999999"})
    void shardSizeThatIsNotAPositiveIntegerIsMalformed(String value) {
        JsonValue json = Json.createReader(new java.io.StringReader(value)).readValue();
        Path model = TestModels.typical(temp);
        ModelSignatureBuilder.of(model)
                .shards(64)
                .statement(s -> withSerialization(s, "shard_size", json))
                .signWithKey(KEYS, KeyForm.HINT);

        assertRejected(
                verify(model, trustingKeys(KEYS.getPublic())),
                SignatureStatus.INVALID,
                SignatureRules.STATEMENT_MALFORMED,
                "model.sig");
    }

    @Test
    void payloadThatIsNotJsonIsMalformed() {
        Path model = TestModels.typical(temp);
        ModelSignatureBuilder.of(model)
                .payloadWriter(s -> "{\"_type\": ".getBytes(StandardCharsets.UTF_8))
                .signWithKey(KEYS, KeyForm.HINT);

        assertRejected(
                verify(model, trustingKeys(KEYS.getPublic())),
                SignatureStatus.INVALID,
                SignatureRules.STATEMENT_MALFORMED,
                "model.sig");
    }

    @Test
    void payloadThatIsNotUtf8IsMalformed() {
        Path model = TestModels.typical(temp);
        ModelSignatureBuilder.of(model)
                .payloadWriter(s -> {
                    byte[] json = s.toString().getBytes(StandardCharsets.UTF_8);
                    json[json.length - 2] = (byte) 0xff;
                    return json;
                })
                .signWithKey(KEYS, KeyForm.HINT);

        assertRejected(
                verify(model, trustingKeys(KEYS.getPublic())),
                SignatureStatus.INVALID,
                SignatureRules.STATEMENT_MALFORMED,
                "model.sig");
    }

    private SignatureVerification signed(UnaryOperator<JsonObject> edit) {
        Path model = TestModels.typical(temp);
        ModelSignatureBuilder.of(model).statement(edit).signWithKey(KEYS, KeyForm.HINT);
        return verify(model, trustingKeys(KEYS.getPublic()));
    }

    static JsonObject with(JsonObject object, String name, JsonValue value) {
        return Json.createObjectBuilder(object).add(name, value).build();
    }

    static JsonObject with(JsonObject object, String name, String value) {
        return with(object, name, Json.createValue(value));
    }

    static JsonObject withSerialization(JsonObject statement, String name, JsonValue value) {
        JsonObject predicate = statement.getJsonObject("predicate");
        return with(
                statement,
                "predicate",
                with(predicate, "serialization", with(predicate.getJsonObject("serialization"), name, value)));
    }

    /** The resources replaced (each resource is checked before the root digest over them all). */
    static JsonObject withResources(JsonObject statement, JsonArray resources) {
        JsonObject predicate = statement.getJsonObject("predicate");
        return with(statement, "predicate", with(predicate, "resources", resources));
    }

    static JsonArray resources(JsonObject statement) {
        return statement.getJsonObject("predicate").getJsonArray("resources");
    }

    private static JsonArray reversed(JsonArray resources) {
        var reversed = Json.createArrayBuilder();
        for (int i = resources.size() - 1; i >= 0; i--) {
            reversed.add(resources.get(i));
        }
        return reversed.build();
    }

    private static JsonArray renamedFirst(JsonArray resources, String name) {
        var renamed = Json.createArrayBuilder()
                .add(Json.createObjectBuilder(resources.getJsonObject(0)).add("name", name));
        resources.stream().skip(1).forEach(renamed::add);
        return renamed.build();
    }
}
