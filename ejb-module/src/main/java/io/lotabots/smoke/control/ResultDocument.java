package io.lotabots.smoke.control;

import io.lotabots.platform.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/** Builds the JSON result a processed smoke check leaves in S3. */
public final class ResultDocument {

    private ResultDocument() {}

    public static String sha256Hex(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    public static byte[] of(UUID jobId, String inputDigest, Instant processedAt, String processedBy) {
        return Json.createObjectBuilder()
                .add("id", jobId.toString())
                .add("inputSha256", inputDigest)
                .add("processedAt", processedAt.toString())
                .add("processedBy", processedBy)
                .build()
                .toString()
                .getBytes(StandardCharsets.UTF_8);
    }
}
