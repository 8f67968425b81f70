package io.lotabots.attestation.hardware.evidence;

import io.lotabots.attestation.hardware.tpm.PcrsFormat;
import io.lotabots.audit.control.CanonicalJson;
import io.lotabots.platform.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The stored form of hardware evidence: one JSON object with every submitted part as standard
 * base64 of the bytes as sent (the PEM text too), text fields as strings, absent parts left out; in
 * RFC 8785 canonical form, so the same evidence always has the same bytes and SHA-256.
 */
public final class EvidenceDocument {

    public static final String FORMAT = "lotabots/hardware-evidence/1";

    private EvidenceDocument() {}

    public static byte[] of(HardwareEvidence e) {
        var doc = Json.createObjectBuilder().add("format", FORMAT);
        bytes(doc, "nonce", e.nonce());
        bytes(doc, "quote", e.quote());
        bytes(doc, "signature", e.signature());
        bytes(doc, "pcrs", e.pcrs());
        doc.add("pcrsFormat", e.pcrsFormat().name().toLowerCase(Locale.ROOT));
        text(doc, "pcrSelection", e.pcrSelection());
        bytes(
                doc,
                "akPublicKey",
                e.akPublicKeyPem() == null ? null : e.akPublicKeyPem().getBytes(StandardCharsets.UTF_8));
        bytes(doc, "akPublicArea", e.akPublicArea());
        bytes(doc, "akCertificate", e.akCertificate());
        bytes(doc, "ekCertificate", e.ekCertificate());
        if (!e.certificateChain().isEmpty()) {
            var chain = Json.createArrayBuilder();
            e.certificateChain().forEach(c -> chain.add(Base64.getEncoder().encodeToString(c)));
            doc.add("certificateChain", chain);
        }
        bytes(doc, "eventLog", e.eventLog());
        text(doc, "deviceId", e.deviceId());
        return CanonicalJson.toBytes(doc.build());
    }

    /** Reads a stored document back; a document this class did not write is an IllegalArgumentException. */
    public static HardwareEvidence read(byte[] document) {
        JsonObject doc;
        try (var reader = Json.createReader(new ByteArrayInputStream(document))) {
            doc = reader.readObject();
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("evidence document is not a JSON object", e);
        }
        if (!FORMAT.equals(doc.getString("format", null))) {
            throw new IllegalArgumentException("evidence document format is not " + FORMAT);
        }
        byte[] pem = bytes(doc, "akPublicKey");
        List<byte[]> chain = doc.containsKey("certificateChain")
                ? doc.getJsonArray("certificateChain").getValuesAs(JsonString.class).stream()
                        .map(s -> Base64.getDecoder().decode(s.getString()))
                        .toList()
                : List.of();
        return new HardwareEvidence(
                bytes(doc, "nonce"),
                bytes(doc, "quote"),
                bytes(doc, "signature"),
                bytes(doc, "pcrs"),
                PcrsFormat.valueOf(doc.getString("pcrsFormat").toUpperCase(Locale.ROOT)),
                doc.getString("pcrSelection", null),
                pem == null ? null : new String(pem, StandardCharsets.UTF_8),
                bytes(doc, "akPublicArea"),
                bytes(doc, "akCertificate"),
                bytes(doc, "ekCertificate"),
                chain,
                bytes(doc, "eventLog"),
                doc.getString("deviceId", null));
    }

    private static void bytes(JsonObjectBuilder doc, String name, byte[] value) {
        if (value != null) {
            doc.add(name, Base64.getEncoder().encodeToString(value));
        }
    }

    private static void text(JsonObjectBuilder doc, String name, String value) {
        if (value != null) {
            doc.add(name, value);
        }
    }

    private static byte[] bytes(JsonObject doc, String name) {
        JsonValue value = doc.get(name);
        return value == null ? null : Base64.getDecoder().decode(((JsonString) value).getString());
    }
}
