package io.lotabots.attestation.model.formats;

import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.scan.ScanContext;
import io.lotabots.attestation.model.source.MalformedModelException;
import io.lotabots.attestation.model.source.ModelInput;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The key/value section of a GGUF file: every pair read and checked (unique UTF-8 keys, known value types,
 * booleans 0 or 1, no nested arrays, arrays of fixed-width values skipped in one step), the few values the checks
 * need kept ({@code general.*}, chat templates, u32 and u64 numbers), and chat templates that reach for Python
 * internals reported as unsafe.
 */
final class GgufMetadata {

    private static final int MAX_KEY = 65535;
    private static final int KEPT_STRING = 4 << 20;
    private static final Pattern KEY_NAME = Pattern.compile("[a-z0-9_]+(\\.[a-z0-9_]+)*");
    private static final Pattern TEMPLATE_CODE =
            Pattern.compile("__[A-Za-z_]+__|\\b(popen|subprocess|os\\.system|eval|exec|import_module)\\b");

    private final ScanContext context;
    private final Map<String, Object> kept = new HashMap<>();

    GgufMetadata(ScanContext context) {
        this.context = context;
    }

    /** Whether the key holds a u32 (as {@code general.quantization_version} must). */
    boolean isU32(String key) {
        return kept.get(key) instanceof U32;
    }

    void keyValue(ModelInput in, Set<String> keys) {
        long at = in.position();
        String key = GgufCheck.string(in, "key", MAX_KEY, true);
        if (!keys.add(key)) {
            throw new MalformedModelException("gguf.duplicate-key", at, "the key '" + key + "' appears twice");
        }
        if (!KEY_NAME.matcher(key).matches()) {
            context.report(
                    "gguf.key-name",
                    ModelRisk.SUSPICIOUS,
                    at,
                    "the key '" + GgufCheck.printable(key) + "' is not lower_snake_case words separated by dots");
        }
        long type = in.u32();
        if (type == 9) {
            long elementType = in.u32();
            if (elementType == 9) {
                throw new MalformedModelException(
                        "gguf.nested-array", at, "the key '" + key + "' holds an array of arrays");
            }
            long n = GgufCheck.count(in, "array length of '" + key + "'");
            int width = fixedWidth(elementType);
            if (width > 0) {
                long at2 = in.position();
                try {
                    in.skip(Math.multiplyExact(n, (long) width));
                } catch (ArithmeticException e) {
                    throw new MalformedModelException(
                            "gguf.bad-count", at2, "the array '" + key + "' declares more bytes than 64 bits hold");
                }
            } else {
                for (long i = 0; i < n; i++) {
                    value(in, key, elementType, false);
                }
            }
        } else {
            Object value = value(in, key, type, true);
            if (value != null) {
                kept.put(key, value);
            }
        }
    }

    /** Reads one value; returns it when it is worth keeping (strings of interest, numbers), else null. */
    private Object value(ModelInput in, String key, long type, boolean keep) {
        long at = in.position();
        switch ((int) Math.min(type, 99)) {
            case 0, 1 -> {
                in.u8();
                return null;
            }
            case 2, 3 -> {
                in.u16();
                return null;
            }
            case 4 -> {
                long value = in.u32();
                return keep ? new U32(value) : null;
            }
            case 5, 6 -> {
                in.u32();
                return null;
            }
            case 7 -> {
                int b = in.u8();
                if (b > 1) {
                    throw new MalformedModelException(
                            "gguf.bad-bool", at, "the key '" + key + "' holds the boolean byte " + b + ", not 0 or 1");
                }
                return null;
            }
            case 8 -> {
                boolean interesting = keep && (key.startsWith("tokenizer.chat_template") || key.startsWith("general."));
                String text = interesting ? GgufCheck.string(in, "value of '" + key + "'", KEPT_STRING, false) : null;
                if (!interesting) {
                    in.skip(GgufCheck.count(in, "string length"));
                }
                if (text != null && key.startsWith("tokenizer.chat_template")) {
                    chatTemplate(key, text, at);
                }
                return text;
            }
            case 10, 11, 12 -> {
                long value = in.u64();
                return keep && type == 10 ? (Object) value : null;
            }
            default -> throw new MalformedModelException(
                    "gguf.bad-type",
                    at,
                    "the key '" + key + "' has the value type " + type + ", which GGUF does not define");
        }
    }

    /** Bytes per element of fixed-width value types; 0 for strings, booleans (checked one by one) and unknowns. */
    private static int fixedWidth(long type) {
        return switch ((int) Math.min(type, 99)) {
            case 0, 1 -> 1;
            case 2, 3 -> 2;
            case 4, 5, 6 -> 4;
            case 10, 11, 12 -> 8;
            default -> 0;
        };
    }

    private void chatTemplate(String key, String template, long at) {
        var matcher = TEMPLATE_CODE.matcher(template);
        if (matcher.find()) {
            context.report(
                    "gguf.chat-template-code",
                    ModelRisk.UNSAFE,
                    at,
                    "the chat template '" + key + "' uses '" + matcher.group() + "', which reaches Python internals "
                            + "when a runtime renders it outside a sandbox (CVE-2024-34359)");
        }
    }

    long alignment() {
        Object value = kept.get("general.alignment");
        if (value == null) {
            return 32;
        }
        if (!(value instanceof U32 u) || u.value == 0 || (u.value & (u.value - 1)) != 0 || u.value % 8 != 0) {
            throw new MalformedModelException(
                    "gguf.bad-alignment",
                    -1,
                    "general.alignment must be a u32 power of two and a multiple of 8, not " + value);
        }
        return u.value;
    }

    void requiredKeys(Set<String> keys) {
        if (!(kept.get("general.architecture") instanceof String)) {
            context.report(
                    "gguf.missing-architecture",
                    ModelRisk.MALFORMED,
                    -1,
                    "the required string general.architecture is "
                            + (keys.contains("general.architecture") ? "not a string" : "missing"));
        }
    }

    private record U32(long value) {
        @Override
        public String toString() {
            return Long.toString(value);
        }
    }
}
