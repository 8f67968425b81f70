package io.lotabots.platform.persistence;

import io.lotabots.platform.json.Json;
import jakarta.json.JsonArray;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;

/** Maps a JSON-P array to a PostgreSQL {@code jsonb} column, as {@link JsonObjectConverter} does objects. */
@Converter
public class JsonArrayConverter implements AttributeConverter<JsonArray, Object> {

    @Override
    public Object convertToDatabaseColumn(JsonArray value) {
        return value == null ? null : value.toString();
    }

    @Override
    public JsonArray convertToEntityAttribute(Object column) {
        if (column == null) {
            return null;
        }
        try (var reader = Json.createReader(new StringReader(column.toString()))) {
            return reader.readArray();
        }
    }
}
