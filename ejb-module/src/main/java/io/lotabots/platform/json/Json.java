package io.lotabots.platform.json;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonWriterFactory;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.spi.JsonProvider;
import jakarta.json.stream.JsonParser;
import java.io.InputStream;
import java.io.Reader;
import java.util.Collection;
import java.util.Map;

/**
 * The entry points of {@link jakarta.json.Json} that this code uses, from one provider looked up
 * once, and the one JSON-B instance. {@code jakarta.json.Json} looks its provider up on every call: an OSGi class probe that
 * throws a {@code ClassNotFoundException}, then a {@code ServiceLoader} scan: a large share of a
 * hardware submission's CPU under load (docs/benchmarks.md).
 */
public final class Json {

    private static final JsonProvider PROVIDER = JsonProvider.provider();
    private static final JsonBuilderFactory BUILDERS = PROVIDER.createBuilderFactory(Map.of());

    private Json() {}

    /** A JSON merge patch (RFC 7396). */
    public static jakarta.json.JsonMergePatch createMergePatch(jakarta.json.JsonValue patch) {
        return PROVIDER.createMergePatch(patch);
    }

    public static JsonObjectBuilder createObjectBuilder() {
        return BUILDERS.createObjectBuilder();
    }

    public static JsonObjectBuilder createObjectBuilder(JsonObject start) {
        return BUILDERS.createObjectBuilder(start);
    }

    public static JsonArrayBuilder createArrayBuilder() {
        return BUILDERS.createArrayBuilder();
    }

    public static JsonArrayBuilder createArrayBuilder(Collection<?> values) {
        return BUILDERS.createArrayBuilder(values);
    }

    public static JsonReader createReader(Reader reader) {
        return PROVIDER.createReader(reader);
    }

    public static JsonReader createReader(InputStream in) {
        return PROVIDER.createReader(in);
    }

    /** A streaming parser, for documents read without building them in memory (a safetensors header). */
    public static JsonParser createParser(Reader reader) {
        return PROVIDER.createParser(reader);
    }

    public static JsonString createValue(String value) {
        return PROVIDER.createValue(value);
    }

    public static JsonNumber createValue(long value) {
        return PROVIDER.createValue(value);
    }

    public static JsonNumber createValue(java.math.BigDecimal value) {
        return PROVIDER.createValue(value);
    }

    public static JsonWriterFactory createWriterFactory(Map<String, ?> config) {
        return PROVIDER.createWriterFactory(config);
    }

    /** The one JSON-B instance (thread-safe; building one scans and caches class models). */
    public static Jsonb binding() {
        return Binding.INSTANCE;
    }

    /** Made on first use, so that code using only JSON-P needs no JSON-B provider. */
    private static final class Binding {
        static final Jsonb INSTANCE = JsonbBuilder.create();
    }
}
