package io.lotabots.attestation.model.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.lotabots.attestation.model.signing.ModelSignatureBuilder.KeyForm;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutated signature files, byte-wise and structure-wise, and mutated statements signed with a trusted key: every
 * one ends in a result, never an exception, and never in the verifier's catch-all for unforeseen input.
 */
class BundleFuzzTest {

    private static final KeyPair KEYS = TestSigningKeys.generate(EcdsaCurve.P256);
    private static final TestCertificateAuthority CA = TestCertificateAuthority.root("Fuzz Root");
    private static final SignatureTrust TRUST = new SignatureTrust(List.of(KEYS.getPublic()), List.of(CA.certificate));
    private static final ModelSignatureVerifier VERIFIER =
            new ModelSignatureVerifier(Clock.fixed(TestCertificateAuthority.NOW, ZoneOffset.UTC));
    private static final JsonValue[] ODD_VALUES = {
        JsonValue.NULL,
        JsonValue.TRUE,
        JsonValue.FALSE,
        Json.createValue(0),
        Json.createValue(-1),
        Json.createValue(1.5e300),
        Json.createValue(""),
        Json.createValue("AAAA"),
        Json.createValue("x:1:2"),
        JsonValue.EMPTY_JSON_ARRAY,
        JsonValue.EMPTY_JSON_OBJECT,
        Json.createValue("../../etc/passwd"),
        Json.createValue("a".repeat(70_000))
    };

    private static final byte[] SYNTAX = "{}[]\":,\\0aZ=+/-".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path temp;

    @Test
    void byteMutationsOfSignedBundlesEndInAResult() throws IOException {
        Path model = TestModels.typical(temp);
        byte[] keyBundle = ModelSignatureBuilder.of(model).shards(64).signWithKey(KEYS, KeyForm.RAW_PEM);
        byte[] certificateBundle = ModelSignatureBuilder.of(model)
                .signWithCertificate(KEYS.getPrivate(), List.of(CA.leaf("fuzz", KEYS.getPublic()), CA.certificate));
        Random random = new Random(20261206L);
        for (int i = 0; i < 600; i++) {
            byte[] original = i % 2 == 0 ? keyBundle : certificateBundle;
            assertResult(model, mutateBytes(original, random), "byte mutation " + i);
        }
    }

    @Test
    void structuralMutationsOfSignedBundlesEndInAResult() throws IOException {
        Path model = TestModels.typical(temp);
        JsonObject bundle = read(ModelSignatureBuilder.of(model).signWithKey(KEYS, KeyForm.HINT));
        Random random = new Random(7L);
        for (int i = 0; i < 600; i++) {
            JsonValue mutated = mutate(bundle, random, 1 + random.nextInt(3));
            assertResult(model, mutated.toString().getBytes(StandardCharsets.UTF_8), "structure mutation " + i);
        }
    }

    @Test
    void signedMutationsOfTheStatementEndInAResult() {
        Random random = new Random(42L);
        for (int i = 0; i < 150; i++) {
            Path model = TestModels.typical(temp.resolve("s" + i));
            long seed = random.nextLong();
            boolean shards = random.nextBoolean();
            ModelSignatureBuilder builder = ModelSignatureBuilder.of(model);
            if (shards) {
                builder.shards(1 + random.nextInt(200));
            }
            builder.statement(s -> (JsonObject) mutateObject(s, new Random(seed), 1 + new Random(seed).nextInt(3)))
                    .signWithKey(KEYS, KeyForm.HINT);
            assertResult(model, null, "signed statement mutation " + i + " (seed " + seed + ")");
        }
    }

    @Test
    void randomBytesEndInAResult() throws IOException {
        Path model = TestModels.typical(temp);
        Random random = new Random(99L);
        for (int i = 0; i < 300; i++) {
            byte[] bytes = new byte[random.nextInt(600)];
            random.nextBytes(bytes);
            if (i % 3 == 0 && bytes.length > 0) {
                bytes[0] = '{';
            }
            assertResult(model, bytes, "random bytes " + i);
        }
    }

    @Test
    void deeplyNestedJsonIsMalformedNotAStackOverflow() throws IOException {
        Path model = TestModels.typical(temp);
        byte[] nested = ("{\"mediaType\":" + "[".repeat(200_000)).getBytes(StandardCharsets.US_ASCII);

        SignatureVerification result = assertResult(model, nested, "deep nesting");

        assertEquals(SignatureStatus.INVALID, result.status());
    }

    @Test
    void deeplyNestedSignedStatementIsMalformedNotAStackOverflow() {
        Path model = TestModels.typical(temp);
        ModelSignatureBuilder.of(model)
                .payloadWriter(s -> ("{\"_type\":" + "[".repeat(200_000)).getBytes(StandardCharsets.US_ASCII))
                .signWithKey(KEYS, KeyForm.HINT);

        SignatureVerification result = assertResult(model, null, "deep statement");

        Verifications.assertRejected(result, SignatureStatus.INVALID, SignatureRules.STATEMENT_MALFORMED, "model.sig");
    }

    /** Verifies with {@code bundle} as model.sig (or the one written); the result must be an ordinary one. */
    private SignatureVerification assertResult(Path model, byte[] bundle, String what) {
        SignatureVerification result;
        try {
            if (bundle != null) {
                Files.write(model.resolve("model.sig"), bundle);
            }
            result = VERIFIER.verify(new FolderModelTree(model), "model.sig", TRUST, SignatureOptions.DEFAULTS);
        } catch (IOException | RuntimeException | StackOverflowError e) {
            throw new AssertionError(what + " escaped as " + e, e);
        }
        assertNotNull(result, what);
        for (var finding : result.findings()) {
            assertNotEquals(SignatureRules.UNREADABLE, finding.rule(), () -> what + ": " + finding.detail());
        }
        return result;
    }

    private static byte[] mutateBytes(byte[] original, Random random) {
        byte[] bytes = original.clone();
        int mutations = 1 + random.nextInt(4);
        for (int m = 0; m < mutations && bytes.length > 1; m++) {
            int at = random.nextInt(bytes.length);
            switch (random.nextInt(5)) {
                case 0 -> bytes[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> bytes = Arrays.copyOf(bytes, at);
                case 2 -> {
                    int length = Math.min(bytes.length - at, 1 + random.nextInt(40));
                    byte[] shorter = new byte[bytes.length - length];
                    System.arraycopy(bytes, 0, shorter, 0, at);
                    System.arraycopy(bytes, at + length, shorter, at, bytes.length - at - length);
                    bytes = shorter;
                }
                case 3 -> {
                    byte[] longer = new byte[bytes.length + 1];
                    System.arraycopy(bytes, 0, longer, 0, at);
                    longer[at] = SYNTAX[random.nextInt(SYNTAX.length)];
                    System.arraycopy(bytes, at, longer, at + 1, bytes.length - at);
                    bytes = longer;
                }
                default -> bytes[at] = (byte) random.nextInt(256);
            }
        }
        return bytes;
    }

    private static JsonValue mutate(JsonValue value, Random random, int mutations) {
        JsonValue current = value;
        for (int i = 0; i < mutations; i++) {
            current = mutateOnce(current, random);
        }
        return current;
    }

    private static JsonValue mutateObject(JsonObject object, Random random, int mutations) {
        JsonValue mutated = mutate(object, random, mutations);
        return mutated instanceof JsonObject ? mutated : object;
    }

    /** Replaces, removes or wraps one node picked by walking down from the root at random. */
    private static JsonValue mutateOnce(JsonValue value, Random random) {
        boolean here = random.nextInt(4) == 0;
        if (value instanceof JsonObject object && !object.isEmpty() && !here) {
            List<String> keys = List.copyOf(object.keySet());
            String key = keys.get(random.nextInt(keys.size()));
            JsonObjectBuilder builder = Json.createObjectBuilder(object);
            if (random.nextInt(6) == 0) {
                return builder.remove(key).build();
            }
            return builder.add(key, mutateOnce(object.get(key), random)).build();
        }
        if (value instanceof JsonArray array && !array.isEmpty() && !here) {
            int index = random.nextInt(array.size());
            JsonArrayBuilder builder = Json.createArrayBuilder();
            for (int i = 0; i < array.size(); i++) {
                if (i != index) {
                    builder.add(array.get(i));
                } else if (random.nextInt(6) != 0) {
                    builder.add(mutateOnce(array.get(i), random));
                }
            }
            if (random.nextInt(8) == 0) {
                builder.add(array.get(index));
            }
            return builder.build();
        }
        return switch (random.nextInt(3)) {
            case 0 -> ODD_VALUES[random.nextInt(ODD_VALUES.length)];
            case 1 -> Json.createArrayBuilder().add(value).build();
            default -> Json.createObjectBuilder().add("x", value).build();
        };
    }

    private static JsonObject read(byte[] json) {
        return Json.createReader(new java.io.ByteArrayInputStream(json)).readObject();
    }
}
