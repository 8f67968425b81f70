package io.lotabots.attestation.model.signing;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Writes a {@code model.sig} for a test folder as model_signing 1.x does: an in-toto statement over the folder's
 * files (or shards), signed over its DSSE PAE with the curve's digest, in a Sigstore bundle v0.3. Each stage can be
 * edited, so that tests can make exactly the broken signature a rule is about.
 */
final class ModelSignatureBuilder {

    enum KeyForm {
        HINT,
        RAW_PEM,
        RAW_DER,
        UNNAMED
    }

    private final Path folder;
    private Long shardSize;
    private boolean allowSymlinks;
    private final List<String> ignorePaths =
            new ArrayList<>(List.of(".git", "model.sig", ".gitattributes", ".gitignore", ".github"));
    private UnaryOperator<JsonObject> statementEdit = UnaryOperator.identity();
    private Function<JsonObject, byte[]> payloadWriter =
            statement -> statement.toString().getBytes(StandardCharsets.UTF_8);
    private UnaryOperator<byte[]> payloadEdit = UnaryOperator.identity();
    private BiFunction<String, byte[], byte[]> signedBytes = Dsse::pae;
    private UnaryOperator<JsonObject> bundleEdit = UnaryOperator.identity();

    private ModelSignatureBuilder(Path folder) {
        this.folder = folder;
    }

    static ModelSignatureBuilder of(Path folder) {
        return new ModelSignatureBuilder(folder);
    }

    ModelSignatureBuilder shards(long size) {
        this.shardSize = size;
        return this;
    }

    ModelSignatureBuilder allowSymlinks() {
        this.allowSymlinks = true;
        return this;
    }

    ModelSignatureBuilder ignoring(String... paths) {
        ignorePaths.addAll(List.of(paths));
        return this;
    }

    /** Changes the statement before it is serialized and signed. */
    ModelSignatureBuilder statement(UnaryOperator<JsonObject> edit) {
        this.statementEdit = edit;
        return this;
    }

    /** Serializes the statement otherwise than compact JSON. */
    ModelSignatureBuilder payloadWriter(Function<JsonObject, byte[]> writer) {
        this.payloadWriter = writer;
        return this;
    }

    /** Changes the payload placed in the envelope after it was signed. */
    ModelSignatureBuilder payloadAfterSigning(UnaryOperator<byte[]> edit) {
        this.payloadEdit = edit;
        return this;
    }

    /** Signs other bytes than the PAE of (payload type, payload). */
    ModelSignatureBuilder signing(BiFunction<String, byte[], byte[]> bytes) {
        this.signedBytes = bytes;
        return this;
    }

    /** Changes the finished bundle. */
    ModelSignatureBuilder bundle(UnaryOperator<JsonObject> edit) {
        this.bundleEdit = edit;
        return this;
    }

    byte[] signWithKey(KeyPair keys, KeyForm form) {
        return write(keys.getPrivate(), keys.getPublic(), keyMaterial(keys.getPublic(), form));
    }

    byte[] signWithCertificate(PrivateKey key, List<X509Certificate> chain) {
        JsonArrayBuilder certificates = Json.createArrayBuilder();
        for (X509Certificate certificate : chain) {
            certificates.add(Json.createObjectBuilder().add("rawBytes", base64(encoded(certificate))));
        }
        JsonObject material = Json.createObjectBuilder()
                .add("x509CertificateChain", Json.createObjectBuilder().add("certificates", certificates))
                .add("tlogEntries", Json.createArrayBuilder())
                .build();
        return write(key, chain.get(0).getPublicKey(), material);
    }

    /** The statement model_signing would sign for the folder as it is now. */
    JsonObject statement() {
        List<String[]> resources = new ArrayList<>();
        for (String path : files()) {
            byte[] bytes = read(path);
            if (shardSize == null) {
                resources.add(new String[] {path, FolderModelTree.sha256(bytes)});
                continue;
            }
            for (long start = 0; start < bytes.length; start += shardSize) {
                long end = Math.min(start + shardSize, bytes.length);
                resources.add(new String[] {
                    path + ":" + start + ":" + end,
                    FolderModelTree.sha256(Arrays.copyOfRange(bytes, (int) start, (int) end))
                });
            }
        }
        JsonArrayBuilder resourceArray = Json.createArrayBuilder();
        byte[] concatenated = new byte[32 * resources.size()];
        for (int i = 0; i < resources.size(); i++) {
            resourceArray.add(Json.createObjectBuilder()
                    .add("name", resources.get(i)[0])
                    .add("algorithm", "sha256")
                    .add("digest", resources.get(i)[1]));
            System.arraycopy(HexFormat.of().parseHex(resources.get(i)[1]), 0, concatenated, 32 * i, 32);
        }
        JsonObjectBuilder serialization = Json.createObjectBuilder()
                .add("method", shardSize == null ? "files" : "shards")
                .add("hash_type", "sha256")
                .add("allow_symlinks", allowSymlinks)
                .add("ignore_paths", Json.createArrayBuilder(ignorePaths));
        if (shardSize != null) {
            serialization.add("shard_size", shardSize);
        }
        return Json.createObjectBuilder()
                .add("_type", "https://in-toto.io/Statement/v1")
                .add(
                        "subject",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("name", folder.getFileName().toString())
                                        .add(
                                                "digest",
                                                Json.createObjectBuilder()
                                                        .add("sha256", FolderModelTree.sha256(concatenated)))))
                .add("predicateType", "https://model_signing/signature/v1.0")
                .add(
                        "predicate",
                        Json.createObjectBuilder()
                                .add("serialization", serialization)
                                .add("resources", resourceArray))
                .build();
    }

    private byte[] write(PrivateKey key, PublicKey publicKey, JsonObject material) {
        byte[] payload = payloadWriter.apply(statementEdit.apply(statement()));
        String payloadType = "application/vnd.in-toto+json";
        byte[] signature = TestSigningKeys.sign(key, publicKey, signedBytes.apply(payloadType, payload));
        JsonObject bundle = Json.createObjectBuilder()
                .add("mediaType", "application/vnd.dev.sigstore.bundle.v0.3+json")
                .add("verificationMaterial", material)
                .add(
                        "dsseEnvelope",
                        Json.createObjectBuilder()
                                .add("payload", base64(payloadEdit.apply(payload)))
                                .add("payloadType", payloadType)
                                .add(
                                        "signatures",
                                        Json.createArrayBuilder()
                                                .add(Json.createObjectBuilder()
                                                        .add("sig", base64(signature))
                                                        .add("keyid", ""))))
                .build();
        byte[] bytes = bundleEdit.apply(bundle).toString().getBytes(StandardCharsets.UTF_8);
        try {
            Files.write(folder.resolve("model.sig"), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes;
    }

    private static JsonObject keyMaterial(PublicKey key, KeyForm form) {
        JsonObjectBuilder publicKey = Json.createObjectBuilder();
        switch (form) {
            case HINT -> publicKey.add("hint", PublicKeyHint.of(key));
            case RAW_PEM -> publicKey
                    .add("rawBytes", base64(TestSigningKeys.pem(key).getBytes(StandardCharsets.US_ASCII)))
                    .add("keyDetails", EcdsaCurve.of(key).orElseThrow().keyDetails());
            case RAW_DER -> publicKey
                    .add("rawBytes", base64(key.getEncoded()))
                    .add("keyDetails", EcdsaCurve.of(key).orElseThrow().keyDetails());
            case UNNAMED -> {}
        }
        return Json.createObjectBuilder()
                .add("publicKey", publicKey)
                .add("tlogEntries", Json.createArrayBuilder())
                .build();
    }

    /** The folder's files model_signing would sign, in code-point order of their paths. */
    private List<String> files() {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile)
                    .map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .filter(path -> !excluded(path))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean excluded(String path) {
        return ignorePaths.stream().anyMatch(ignored -> ModelPaths.within(path, ignored));
    }

    private byte[] read(String path) {
        try {
            return Files.readAllBytes(folder.resolve(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] encoded(X509Certificate certificate) {
        try {
            return certificate.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
