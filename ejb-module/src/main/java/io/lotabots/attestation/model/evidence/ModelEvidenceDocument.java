package io.lotabots.attestation.model.evidence;

import io.lotabots.audit.control.CanonicalJson;
import io.lotabots.platform.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.util.UUID;

/**
 * The evidence of a model job: which stored model, under which pinned policy. The model's bytes stay where
 * the upload put them (S3); the document is canonical JSON, so its SHA-256 is stable.
 */
public final class ModelEvidenceDocument {

    public static final String FORMAT = "lotabots/model-evidence/1";

    /** The stored model a job appraises and the policy version it pinned. */
    public record ModelEvidence(UUID modelId, String policyName, int policyVersion) {}

    private ModelEvidenceDocument() {}

    public static byte[] of(ModelEvidence evidence) {
        return CanonicalJson.toBytes(Json.createObjectBuilder()
                .add("format", FORMAT)
                .add("modelId", evidence.modelId().toString())
                .add(
                        "policy",
                        Json.createObjectBuilder()
                                .add("name", evidence.policyName())
                                .add("version", evidence.policyVersion()))
                .build());
    }

    /** Reads a stored document back; a document this class did not write is an IllegalArgumentException. */
    public static ModelEvidence read(byte[] document) {
        JsonObject doc;
        try (var reader = Json.createReader(new ByteArrayInputStream(document))) {
            doc = reader.readObject();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("evidence document is not a JSON object", e);
        }
        if (!FORMAT.equals(doc.getString("format", null))) {
            throw new IllegalArgumentException("evidence document format is not " + FORMAT);
        }
        JsonObject policy = doc.getJsonObject("policy");
        return new ModelEvidence(
                UUID.fromString(doc.getString("modelId")), policy.getString("name"), policy.getInt("version"));
    }
}
