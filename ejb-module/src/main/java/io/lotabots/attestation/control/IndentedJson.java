package io.lotabots.attestation.control;

import io.lotabots.platform.json.Json;
import jakarta.json.JsonStructure;
import jakarta.json.stream.JsonGenerator;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;

/** JSON indented for people to read; text that is not JSON is returned as it is. */
public final class IndentedJson {

    private IndentedJson() {}

    public static String of(String json) {
        if (json == null) {
            return "";
        }
        try (var reader = Json.createReader(new StringReader(json))) {
            return of(reader.read());
        } catch (RuntimeException notJson) {
            return json;
        }
    }

    public static String of(JsonStructure value) {
        var out = new StringWriter();
        try (var writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true))
                .createWriter(out)) {
            writer.write(value);
        }
        return out.toString().strip();
    }
}
