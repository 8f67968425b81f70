package io.lotabots.attestation.model.signing;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The signed in-toto Statement v1 with the OpenSSF Model Signing v1.0 predicate, read from the authenticated
 * payload bytes. The resources are taken in their signed order, and their root digest (SHA-256 over the raw
 * digests) must be the subject's, as model_signing requires.
 */
final class StatementParser {

    static final String STATEMENT_V1 = "https://in-toto.io/Statement/v1";
    static final String PREDICATE_V1 = "https://model_signing/signature/v1.0";
    static final String PREDICATE_V0_1 = "https://model_signing/Digests/v0.1";

    private static final JsonFields JSON = new JsonFields(SignatureRules.STATEMENT_MALFORMED, "the signed statement");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
    private static final Pattern OFFSET = Pattern.compile("0|[1-9][0-9]{0,18}");

    private StatementParser() {}

    static SignedManifest parse(byte[] payload) throws SignatureRejection {
        JsonObject statement = JSON.parseObject(payload);
        String type = JSON.optionalString(statement, "_type", "_type");
        if (!STATEMENT_V1.equals(type)) {
            throw SignatureRejection.invalid(
                    SignatureRules.STATEMENT_TYPE,
                    "the statement's _type is " + SignatureFindings.quoted(type) + ", not " + STATEMENT_V1);
        }
        String predicateType = JSON.optionalString(statement, "predicateType", "predicateType");
        if (PREDICATE_V0_1.equals(predicateType)) {
            throw SignatureRejection.unsupported(
                    SignatureRules.PREDICATE_DEPRECATED,
                    "the deprecated model_signing"
                            + " v0.2 predicate " + PREDICATE_V0_1
                            + " records neither the serialization nor a root digest;"
                            + " the model must be signed again with " + PREDICATE_V1);
        }
        if (!PREDICATE_V1.equals(predicateType)) {
            throw SignatureRejection.invalid(
                    SignatureRules.PREDICATE_TYPE_UNKNOWN,
                    "the statement's predicateType is " + SignatureFindings.quoted(predicateType) + ", not "
                            + PREDICATE_V1);
        }
        JsonArray subjects = JSON.array(statement, "subject", "subject");
        if (subjects.size() != 1) {
            throw JSON.malformed("the statement has " + subjects.size() + " subjects; a model signature has one");
        }
        JsonObject subject = JSON.element(subjects, 0, "subject");
        String name = JSON.optionalString(subject, "name", "subject[0].name");
        // compared as written, as model_signing does: the spec's hex is lower-case
        String rootDigest =
                JSON.string(JSON.object(subject, "digest", "subject[0].digest"), "sha256", "subject[0].digest.sha256");
        JsonObject predicate = JSON.object(statement, "predicate", "predicate");
        Serialization serialization = serialization(JSON.object(predicate, "serialization", "predicate.serialization"));
        List<SignedResource> resources =
                resources(JSON.array(predicate, "resources", "predicate.resources"), serialization);
        String computed = rootDigest(resources);
        if (!computed.equals(rootDigest)) {
            throw SignatureRejection.invalid(
                    SignatureRules.ROOT_DIGEST_MISMATCH,
                    "the subject's root digest " + SignatureFindings.quoted(rootDigest)
                            + " is not the SHA-256 of the signed resource digests, " + computed);
        }
        return new SignedManifest(name, rootDigest, serialization, resources);
    }

    /** model_signing's manifest digest: SHA-256 over the raw resource digests in their order. */
    static String rootDigest(List<SignedResource> resources) {
        MessageDigest sha256 = PublicKeyHint.sha256();
        HexFormat hex = HexFormat.of();
        for (SignedResource resource : resources) {
            sha256.update(hex.parseHex(resource.digest()));
        }
        return hex.formatHex(sha256.digest());
    }

    private static Serialization serialization(JsonObject serialization) throws SignatureRejection {
        String path = "predicate.serialization";
        String method = JSON.optionalString(serialization, "method", path + ".method");
        if (!Serialization.FILES.equals(method) && !Serialization.SHARDS.equals(method)) {
            throw SignatureRejection.invalid(
                    SignatureRules.SERIALIZATION_UNKNOWN,
                    "the serialization method is " + SignatureFindings.quoted(method) + ", not files or shards");
        }
        String hashType = JSON.optionalString(serialization, "hash_type", path + ".hash_type");
        if (hashType != null && hashType.toLowerCase(Locale.ROOT).startsWith("blake")) {
            throw SignatureRejection.unsupported(
                    SignatureRules.HASH_UNSUPPORTED,
                    "the signature's digests are " + SignatureFindings.quoted(hashType)
                            + "; this verifier checks SHA-256, the digest OpenSSF Model Signing requires");
        }
        if (!"sha256".equals(hashType)) {
            throw SignatureRejection.invalid(
                    SignatureRules.HASH_UNKNOWN,
                    "the serialization hash_type is " + SignatureFindings.quoted(hashType) + ", not sha256");
        }
        long shardSize = Serialization.SHARDS.equals(method)
                ? JSON.positiveLong(serialization, "shard_size", path + ".shard_size")
                : 0;
        boolean allowSymlinks = JSON.optionalBoolean(serialization, "allow_symlinks", path + ".allow_symlinks");
        List<String> ignorePaths = new ArrayList<>();
        JsonArray ignored = JSON.optionalArray(serialization, "ignore_paths", path + ".ignore_paths");
        for (JsonValue value : ignored == null ? List.<JsonValue>of() : ignored) {
            if (!(value instanceof JsonString string) || !ModelPaths.isNormalRelative(string.getString())) {
                throw SignatureRejection.invalid(
                        SignatureRules.IGNORE_PATH_INVALID,
                        "the recorded ignore path " + SignatureFindings.quoted(value.toString())
                                + " is not a normalized path inside the model");
            }
            ignorePaths.add(string.getString());
        }
        return new Serialization(method, hashType, shardSize, allowSymlinks, ignorePaths);
    }

    private static List<SignedResource> resources(JsonArray array, Serialization serialization)
            throws SignatureRejection {
        List<SignedResource> resources = new ArrayList<>(array.size());
        Set<String> names = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String at = "predicate.resources[" + i + "]";
            JsonObject resource = JSON.element(array, i, "predicate.resources");
            String name = JSON.string(resource, "name", at + ".name");
            String algorithm = JSON.string(resource, "algorithm", at + ".algorithm");
            if (!algorithm.equals(serialization.hashType())) {
                throw malformedResource(at + " is digested with " + SignatureFindings.quoted(algorithm)
                        + ", not the serialization's " + serialization.hashType());
            }
            String digest = sha256Hex(JSON.string(resource, "digest", at + ".digest"), at + ".digest");
            if (!names.add(name)) {
                throw malformedResource(at + " repeats the resource " + SignatureFindings.quoted(name));
            }
            resources.add(serialization.sharded() ? shard(name, digest, at) : file(name, digest, at));
        }
        return resources;
    }

    private static SignedResource file(String name, String digest, String at) throws SignatureRejection {
        if (!ModelPaths.isNormalRelative(name)) {
            throw malformedResource(
                    at + " names " + SignatureFindings.quoted(name) + ", not a normalized path inside the model");
        }
        return new SignedResource(name, name, 0, SignedResource.WHOLE_FILE, digest);
    }

    /** {@code "<path>:<start>:<end>"}, split at the last two colons so that a path may hold colons. */
    private static SignedResource shard(String name, String digest, String at) throws SignatureRejection {
        int endColon = name.lastIndexOf(':');
        int startColon = endColon <= 0 ? -1 : name.lastIndexOf(':', endColon - 1);
        if (startColon <= 0) {
            throw malformedResource(at + " names " + SignatureFindings.quoted(name) + ", not <path>:<start>:<end>");
        }
        String path = name.substring(0, startColon);
        String start = name.substring(startColon + 1, endColon);
        String end = name.substring(endColon + 1);
        if (!ModelPaths.isNormalRelative(path)
                || !OFFSET.matcher(start).matches()
                || !OFFSET.matcher(end).matches()) {
            throw malformedResource(at + " names " + SignatureFindings.quoted(name)
                    + ", not <path>:<start>:<end> with a normalized path" + " and decimal offsets");
        }
        try {
            long from = Long.parseLong(start);
            long to = Long.parseLong(end);
            if (from < to) {
                return new SignedResource(name, path, from, to, digest);
            }
        } catch (NumberFormatException e) {
            // past Long.MAX_VALUE: refused below
        }
        throw malformedResource(
                at + " names " + SignatureFindings.quoted(name) + ", a shard that does not end after it starts");
    }

    private static String sha256Hex(String value, String path) throws SignatureRejection {
        if (!SHA256_HEX.matcher(value).matches()) {
            throw SignatureRejection.invalid(SignatureRules.RESOURCE_MALFORMED, path + " is not a SHA-256 in hex");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    private static SignatureRejection malformedResource(String detail) {
        return SignatureRejection.invalid(SignatureRules.RESOURCE_MALFORMED, detail);
    }
}
