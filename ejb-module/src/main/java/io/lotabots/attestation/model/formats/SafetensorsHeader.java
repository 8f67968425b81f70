package io.lotabots.attestation.model.formats;

import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.scan.ScanContext;
import io.lotabots.attestation.model.source.MalformedModelException;
import io.lotabots.platform.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParser.Event;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The JSON header of a safetensors file, read as a stream (it may be 100 MB) into the tensor entries, with every
 * rule of the format reported on the way: UTF-8, a JSON object starting with '{' and padded with spaces only, no
 * duplicate keys, {@code __metadata__} a map of strings, each tensor a {@code dtype}, a {@code shape} of
 * non-negative integers and two {@code data_offsets}.
 */
final class SafetensorsHeader {

    /** One tensor entry; {@code elements} is null when its shape was unusable. */
    record Tensor(String name, String dtype, BigInteger elements, BigInteger begin, BigInteger end) {}

    private static final BigInteger USIZE_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private final ScanContext context;
    private final List<Tensor> tensors = new ArrayList<>();

    private SafetensorsHeader(ScanContext context) {
        this.context = context;
    }

    /** Reads the header's {@code length} bytes; reports problems and returns the usable tensors. */
    static List<Tensor> read(ScanContext context, InputStream header) {
        var reader = new SafetensorsHeader(context);
        var tracked = new PaddingTracker(header);
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try (JsonParser parser = Json.createParser(new InputStreamReader(tracked, decoder))) {
            reader.document(parser);
            tracked.drain();
        } catch (java.util.NoSuchElementException | IllegalStateException e) {
            throw new MalformedModelException(
                    "safetensors.header-not-json", 8, "the header ends inside its JSON: " + e.getMessage());
        } catch (JsonException e) {
            if (codingError(e)) {
                throw new MalformedModelException("safetensors.header-not-utf8", 8, "the header is not valid UTF-8");
            }
            if (e.getCause() instanceof MalformedModelException m) {
                throw m;
            }
            throw new MalformedModelException(
                    "safetensors.header-not-json", 8, "the header is not valid JSON: " + e.getMessage());
        }
        if (tracked.lastNonSpace != '}') {
            context.report(
                    "safetensors.header-padding",
                    ModelRisk.MALFORMED,
                    8,
                    "the header's JSON is followed by bytes other than spaces (0x20), the only padding allowed");
        }
        return reader.tensors;
    }

    private void document(JsonParser parser) {
        // the first byte was checked to be '{', so the document is an object or no JSON at all
        parser.next();
        Set<String> keys = new HashSet<>();
        while (true) {
            Event event = parser.next();
            if (event == Event.END_OBJECT) {
                break;
            }
            String key = parser.getString();
            if (!keys.add(key)) {
                context.report(
                        "safetensors.duplicate-key",
                        ModelRisk.MALFORMED,
                        8,
                        "the header names '" + key + "' twice; readers disagree on which one counts");
            }
            Event value = parser.next();
            if (key.equals("__metadata__")) {
                metadata(parser, value);
            } else {
                tensor(parser, key, value);
            }
        }
        if (parser.hasNext()) {
            throw new MalformedModelException(
                    "safetensors.header-not-json", 8, "the header has more than one JSON value");
        }
    }

    private void metadata(JsonParser parser, Event value) {
        if (value == Event.VALUE_NULL) {
            return;
        }
        if (value != Event.START_OBJECT) {
            skip(parser, value);
            context.report(
                    "safetensors.metadata-not-string-map",
                    ModelRisk.MALFORMED,
                    8,
                    "__metadata__ is not an object of strings");
            return;
        }
        Set<String> keys = new HashSet<>();
        for (Event e = parser.next(); e != Event.END_OBJECT; e = parser.next()) {
            String key = parser.getString();
            if (!keys.add(key)) {
                context.report(
                        "safetensors.duplicate-key", ModelRisk.MALFORMED, 8, "__metadata__ names '" + key + "' twice");
            }
            Event v = parser.next();
            if (v != Event.VALUE_STRING) {
                skip(parser, v);
                context.report(
                        "safetensors.metadata-not-string-map",
                        ModelRisk.MALFORMED,
                        8,
                        "__metadata__ value '" + key + "' is not a string");
            }
        }
    }

    private void tensor(JsonParser parser, String name, Event value) {
        if (value != Event.START_OBJECT) {
            skip(parser, value);
            context.report(
                    "safetensors.tensor-info-not-object",
                    ModelRisk.MALFORMED,
                    8,
                    "tensor '" + name + "' is not an object with dtype, shape and data_offsets");
            return;
        }
        String dtype = null;
        List<BigInteger> shape = null;
        List<BigInteger> offsets = null;
        boolean usable = true;
        Set<String> fields = new HashSet<>();
        for (Event e = parser.next(); e != Event.END_OBJECT; e = parser.next()) {
            String field = parser.getString();
            Event v = parser.next();
            if (!fields.add(field)) {
                context.report(
                        "safetensors.duplicate-key", ModelRisk.MALFORMED, 8, "tensor '" + name + "' has two " + field);
            }
            switch (field) {
                case "dtype" -> {
                    if (v == Event.VALUE_STRING && SafetensorsDtype.bits(parser.getString()) > 0) {
                        dtype = parser.getString();
                    } else {
                        skip(parser, v);
                        usable = false;
                        context.report(
                                "safetensors.unknown-dtype",
                                ModelRisk.MALFORMED,
                                8,
                                "tensor '" + name + "' has a dtype that safetensors does not define");
                    }
                }
                case "shape" -> {
                    shape = unsignedArray(parser, v);
                    if (shape == null) {
                        usable = false;
                        context.report(
                                "safetensors.bad-shape",
                                ModelRisk.MALFORMED,
                                8,
                                "tensor '" + name + "' has a shape that is not a list of non-negative integers");
                    }
                }
                case "data_offsets" -> {
                    offsets = unsignedArray(parser, v);
                    if (offsets == null || offsets.size() != 2) {
                        offsets = null;
                        usable = false;
                        context.report(
                                "safetensors.bad-offsets",
                                ModelRisk.MALFORMED,
                                8,
                                "tensor '" + name + "' has data_offsets that are not two non-negative integers");
                    }
                }
                default -> {
                    skip(parser, v);
                    context.report(
                            "safetensors.unknown-field",
                            ModelRisk.SUSPICIOUS,
                            8,
                            "tensor '" + name + "' carries a field '" + field + "' that safetensors does not define");
                }
            }
        }
        if (usable && (dtype == null || shape == null || offsets == null)) {
            usable = false;
            context.report(
                    "safetensors.tensor-info-incomplete",
                    ModelRisk.MALFORMED,
                    8,
                    "tensor '" + name + "' lacks "
                            + (dtype == null ? "dtype" : shape == null ? "shape" : "data_offsets"));
        }
        if (usable && tensors.size() >= context.limits().maxEntries()) {
            throw new MalformedModelException(
                    "safetensors.too-many-tensors",
                    8,
                    "the header lists more than " + context.limits().maxEntries() + " tensors; the rest were not read");
        }
        if (usable) {
            BigInteger elements = BigInteger.ONE;
            for (BigInteger dim : shape) {
                elements = elements.multiply(dim);
            }
            tensors.add(new Tensor(name, dtype, elements, offsets.get(0), offsets.get(1)));
        }
    }

    /** An array of integers within usize, or null (the rest of the array is consumed either way). */
    private static List<BigInteger> unsignedArray(JsonParser parser, Event value) {
        if (value != Event.START_ARRAY) {
            skip(parser, value);
            return null;
        }
        List<BigInteger> values = new ArrayList<>();
        boolean ok = true;
        for (Event e = parser.next(); e != Event.END_ARRAY; e = parser.next()) {
            if (e == Event.VALUE_NUMBER && parser.getString().matches("[0-9]+")) {
                BigInteger n = new BigInteger(parser.getString());
                if (n.compareTo(USIZE_MAX) > 0) {
                    ok = false;
                }
                values.add(n);
            } else {
                skip(parser, e);
                ok = false;
            }
        }
        return ok ? values : null;
    }

    /**
     * Consumes the rest of a value whose first event was {@code value}. Not {@code skipArray}/{@code skipObject}:
     * Parsson's loop forever on a document that ends inside the skipped value.
     */
    private static void skip(JsonParser parser, Event value) {
        if (value != Event.START_OBJECT && value != Event.START_ARRAY) {
            return;
        }
        int depth = 1;
        while (depth > 0) {
            Event e = parser.next();
            if (e == Event.START_OBJECT || e == Event.START_ARRAY) {
                depth++;
            } else if (e == Event.END_OBJECT || e == Event.END_ARRAY) {
                depth--;
            }
        }
    }

    private static boolean codingError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CharacterCodingException) {
                return true;
            }
        }
        return false;
    }

    /** Remembers the last byte that is not a space, to tell space padding from other trailing bytes. */
    private static final class PaddingTracker extends FilterInputStream {
        int lastNonSpace = -1;

        PaddingTracker(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0 && b != ' ') {
                lastNonSpace = b;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            int n = in.read(buffer, off, len);
            for (int i = off; i < off + Math.max(n, 0); i++) {
                if (buffer[i] != ' ') {
                    lastNonSpace = buffer[i] & 0xFF;
                }
            }
            return n;
        }

        void drain() {
            byte[] sink = new byte[8192];
            try {
                while (read(sink, 0, sink.length) >= 0) {
                    // only the padding's last byte matters
                }
            } catch (IOException e) {
                throw new MalformedModelException(
                        "file.read-error", -1, "could not read the header: " + e.getMessage());
            }
        }
    }
}
