package io.lotabots.platform.persistence;

import io.lotabots.platform.json.Json;
import jakarta.json.JsonObject;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.io.StringReader;

/**
 * Maps a JSON-P object to a PostgreSQL {@code jsonb} column. The datasource sends strings as
 * untyped parameters ({@code stringType=unspecified}), so PostgreSQL casts the text to jsonb; reads
 * come back as the driver's own jsonb object, whose text is the JSON.
 */
@Converter
public class JsonObjectConverter implements AttributeConverter<JsonObject, Object> {

    @Override
    public Object convertToDatabaseColumn(JsonObject value) {
        return value == null ? null : value.toString();
    }

    @Override
    public JsonObject convertToEntityAttribute(Object column) {
        if (column == null) {
            return null;
        }
        try (var reader = Json.createReader(new StringReader(column.toString()))) {
            return reader.readObject();
        }
    }
}
