package io.lotabots.model.control;

import java.util.UUID;

/**
 * Where a model's files live in S3: under one prefix per model, so that a failed upload or a deleted model
 * is cleared by one prefix delete. Files are numbered in the order received; their paths stay in the
 * database, so no path an archive names ever becomes part of a key.
 */
public final class ModelKeys {

    private ModelKeys() {}

    public static String prefix(UUID tenantId, UUID modelId) {
        return "models/" + tenantId + "/" + modelId + "/";
    }

    public static String file(UUID tenantId, UUID modelId, int ordinal) {
        return prefix(tenantId, modelId) + "files/" + ordinal;
    }
}
