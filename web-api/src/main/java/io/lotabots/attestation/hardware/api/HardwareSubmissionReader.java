package io.lotabots.attestation.hardware.api;

import io.lotabots.attestation.hardware.evidence.HardwareEvidence;
import io.lotabots.attestation.hardware.policy.PolicyDraft;
import io.lotabots.attestation.hardware.tpm.PcrsFormat;
import io.lotabots.platform.refusal.FieldProblem;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checks the form of a hardware evidence submission, JSON (binary parts in base64, the nonce in hex)
 * or multipart (each part the raw file tpm2-tools wrote), and builds the evidence. Every problem is
 * collected, so one 400 names them all; nothing here touches state. Whether the evidence is
 * <em>true</em> is the verifier's job.
 */
final class HardwareSubmissionReader {

    static final String NONCE = "nonce";
    static final String QUOTE = "quote";
    static final String SIGNATURE = "signature";
    static final String PCRS = "pcrs";
    static final String PCRS_FORMAT = "pcrsFormat";
    static final String PCR_SELECTION = "pcrSelection";
    static final String AK_PUBLIC_KEY = "akPublicKey";
    static final String AK_PUBLIC_AREA = "akPublicArea";
    static final String AK_CERTIFICATE = "akCertificate";
    static final String EK_CERTIFICATE = "ekCertificate";
    static final String CERTIFICATE_CHAIN = "certificateChain";
    static final String EVENT_LOG = "eventLog";
    static final String DEVICE_ID = "deviceId";
    static final String POLICY = "policy";

    static final Set<String> FIELDS = Set.of(
            NONCE,
            QUOTE,
            SIGNATURE,
            PCRS,
            PCRS_FORMAT,
            PCR_SELECTION,
            AK_PUBLIC_KEY,
            AK_PUBLIC_AREA,
            AK_CERTIFICATE,
            EK_CERTIFICATE,
            CERTIFICATE_CHAIN,
            EVENT_LOG,
            DEVICE_ID,
            POLICY);
    private static final Set<String> TEXT = Set.of(NONCE, PCRS_FORMAT, PCR_SELECTION, AK_PUBLIC_KEY, DEVICE_ID, POLICY);

    static final int MIN_NONCE = 8;
    static final int MAX_NONCE = 64;
    private static final Pattern SELECTION =
            Pattern.compile("[a-z0-9]{1,16}:\\d{1,2}(,\\d{1,2})*(\\+[a-z0-9]{1,16}:\\d{1,2}(,\\d{1,2})*)*");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final String PEM = "-----BEGIN ";

    private final PartLimits limits;
    private final List<FieldProblem> errors = new ArrayList<>();

    private HardwareSubmissionReader(PartLimits limits) {
        this.limits = limits;
    }

    /** A JSON submission: binary parts base64, certificates PEM or base64 DER, the chain an array or a PEM bundle. */
    static HardwareSubmission fromJson(JsonObject body, PartLimits limits) {
        var reader = new HardwareSubmissionReader(limits);
        Map<String, List<byte[]>> parts = new LinkedHashMap<>();
        for (var member : body.entrySet()) {
            String field = member.getKey();
            if (!FIELDS.contains(field)) {
                reader.error(field, "is not a field of hardware evidence");
                continue;
            }
            if (member.getValue().getValueType() == JsonValue.ValueType.NULL) {
                continue;
            }
            List<byte[]> values = reader.jsonValues(field, member.getValue());
            if (values != null) {
                parts.put(field, values);
            }
        }
        return reader.build(parts);
    }

    /** A multipart submission: each part's bytes as sent; several {@code certificateChain} parts are allowed. */
    static HardwareSubmission fromParts(
            Map<String, List<byte[]>> parts, List<FieldProblem> partErrors, PartLimits limits) {
        var reader = new HardwareSubmissionReader(limits);
        reader.errors.addAll(partErrors);
        Map<String, List<byte[]>> known = new LinkedHashMap<>();
        parts.forEach((field, values) -> {
            if (!FIELDS.contains(field)) {
                reader.error(field, "is not a field of hardware evidence");
            } else if (values.size() > 1 && !CERTIFICATE_CHAIN.equals(field)) {
                reader.error(field, "is sent " + values.size() + " times; send it once");
            } else {
                values.forEach(v -> reader.checkSize(field, v.length));
                known.put(field, values);
            }
        });
        return reader.build(known);
    }

    private List<byte[]> jsonValues(String field, JsonValue value) {
        if (CERTIFICATE_CHAIN.equals(field) && value.getValueType() == JsonValue.ValueType.ARRAY) {
            var values = new ArrayList<byte[]>();
            JsonArray array = value.asJsonArray();
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).getValueType() != JsonValue.ValueType.STRING) {
                    error(field + "[" + i + "]", "must be a string (PEM or base64 DER)");
                    continue;
                }
                byte[] decoded = certificate(field + "[" + i + "]", ((JsonString) array.get(i)).getString());
                if (decoded != null) {
                    values.add(decoded);
                }
            }
            return values;
        }
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            error(field, "must be a string");
            return null;
        }
        String text = ((JsonString) value).getString();
        byte[] decoded;
        if (TEXT.contains(field)) {
            decoded = text.getBytes(StandardCharsets.UTF_8);
        } else if (field.endsWith("Certificate") || CERTIFICATE_CHAIN.equals(field)) {
            decoded = certificate(field, text);
        } else {
            decoded = base64(field, text);
        }
        if (decoded == null) {
            return null;
        }
        checkSize(field, decoded.length);
        return List.of(decoded);
    }

    private HardwareSubmission build(Map<String, List<byte[]>> parts) {
        byte[] nonce = nonce(text(parts, NONCE));
        byte[] quote = required(parts, QUOTE);
        byte[] signature = required(parts, SIGNATURE);
        byte[] pcrs = required(parts, PCRS);
        PcrsFormat format = pcrsFormat(text(parts, PCRS_FORMAT));
        String selection = text(parts, PCR_SELECTION);
        if (selection != null && !SELECTION.matcher(selection).matches()) {
            error(PCR_SELECTION, "must look like sha256:0,1,2,3 (banks joined by +)");
        } else if (selection == null && format == PcrsFormat.VALUES) {
            error(PCR_SELECTION, "is required when pcrsFormat is values");
        }
        String akPem = text(parts, AK_PUBLIC_KEY);
        byte[] akArea = single(parts, AK_PUBLIC_AREA);
        if (akPem == null && akArea == null) {
            error(AK_PUBLIC_KEY, "or akPublicArea is required");
        } else if (akPem != null && !akPem.contains(PEM)) {
            error(AK_PUBLIC_KEY, "must be PEM (tpm2_readpublic -f pem)");
        }
        String deviceId = text(parts, DEVICE_ID);
        if (deviceId != null) {
            try {
                deviceId = UUID.fromString(deviceId).toString();
            } catch (IllegalArgumentException e) {
                error(DEVICE_ID, "must be a device id (UUID)");
            }
        }
        String policy = text(parts, POLICY);
        if (policy != null && !PolicyDraft.NAME.matcher(policy).matches()) {
            error(POLICY, "must be a policy name (lower-case letters, digits, . _ -, at most 64)");
        }
        List<byte[]> chain = new ArrayList<>();
        parts.getOrDefault(CERTIFICATE_CHAIN, List.of()).forEach(chain::add);
        if (!errors.isEmpty()) {
            throw new MalformedSubmissionException(errors);
        }
        var evidence = new HardwareEvidence(
                nonce,
                quote,
                signature,
                pcrs,
                format,
                selection,
                akPem,
                akArea,
                single(parts, AK_CERTIFICATE),
                single(parts, EK_CERTIFICATE),
                chain,
                single(parts, EVENT_LOG),
                deviceId);
        return new HardwareSubmission(evidence, policy);
    }

    private byte[] nonce(String hex) {
        if (hex == null) {
            error(NONCE, "is required (hex, from POST /api/v1/attestations/hardware/nonces)");
            return null;
        }
        try {
            byte[] nonce = HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
            if (nonce.length < MIN_NONCE || nonce.length > MAX_NONCE) {
                error(NONCE, "must be " + MIN_NONCE + " to " + MAX_NONCE + " bytes, not " + nonce.length);
            }
            return nonce;
        } catch (IllegalArgumentException e) {
            error(NONCE, "must be hexadecimal");
            return null;
        }
    }

    private PcrsFormat pcrsFormat(String text) {
        if (text == null) {
            return PcrsFormat.SERIALIZED;
        }
        return switch (text) {
            case "serialized" -> PcrsFormat.SERIALIZED;
            case "values" -> PcrsFormat.VALUES;
            default -> {
                error(PCRS_FORMAT, "must be serialized or values");
                yield PcrsFormat.SERIALIZED;
            }
        };
    }

    private byte[] required(Map<String, List<byte[]>> parts, String field) {
        byte[] value = single(parts, field);
        if (value == null && !hasError(field)) {
            error(field, "is required");
        } else if (value != null && value.length == 0) {
            error(field, "is empty");
        }
        return value;
    }

    private static byte[] single(Map<String, List<byte[]>> parts, String field) {
        var values = parts.get(field);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String text(Map<String, List<byte[]>> parts, String field) {
        byte[] value = single(parts, field);
        if (value == null) {
            return null;
        }
        String text = new String(value, StandardCharsets.UTF_8);
        // multipart text fields are often files with a final newline (echo > nonce.hex)
        return AK_PUBLIC_KEY.equals(field) ? text : text.strip();
    }

    private byte[] certificate(String field, String text) {
        return text.stripLeading().startsWith(PEM) ? text.getBytes(StandardCharsets.US_ASCII) : base64(field, text);
    }

    private byte[] base64(String field, String text) {
        try {
            return Base64.getDecoder().decode(WHITESPACE.matcher(text).replaceAll(""));
        } catch (IllegalArgumentException e) {
            error(field, "must be base64");
            return null;
        }
    }

    private void checkSize(String field, int length) {
        int max = limits.of(field);
        if (length > max) {
            error(field, "is " + length + " bytes; at most " + max + " are accepted");
        }
    }

    private boolean hasError(String field) {
        return errors.stream().anyMatch(e -> e.field().equals(field));
    }

    private void error(String field, String message) {
        errors.add(new FieldProblem(field, message));
    }
}
