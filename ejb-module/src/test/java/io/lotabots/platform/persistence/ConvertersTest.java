package io.lotabots.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonException;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ConvertersTest {

    private final JsonObjectConverter json = new JsonObjectConverter();
    private final InstantConverter instants = new InstantConverter();

    @Test
    void jsonRoundTripsThroughItsText() {
        var value =
                Json.createObjectBuilder().add("length", 17).add("name", "é\"x").build();

        assertEquals(value, json.convertToEntityAttribute(json.convertToDatabaseColumn(value)));
    }

    @Test
    void jsonReadsWhateverTheDriverReturnsByItsText() {
        Object driverObject = new Object() {
            @Override
            public String toString() {
                return "{\"a\": [1, 2]}";
            }
        };

        assertEquals(
                2, json.convertToEntityAttribute(driverObject).getJsonArray("a").size());
    }

    @Test
    void jsonNullsStayNull() {
        assertNull(json.convertToDatabaseColumn(null));
        assertNull(json.convertToEntityAttribute(null));
    }

    @Test
    void jsonColumnThatIsNotAnObjectIsRejected() {
        assertThrows(JsonException.class, () -> json.convertToEntityAttribute("[1,2]"));
    }

    @Test
    void instantsAreStoredInUtc() {
        var instant = Instant.parse("2026-11-26T08:00:00.123456Z");

        var column = instants.convertToDatabaseColumn(instant);

        assertEquals(ZoneOffset.UTC, column.getOffset());
        assertEquals(instant, instants.convertToEntityAttribute(column));
        assertNull(instants.convertToDatabaseColumn(null));
        assertNull(instants.convertToEntityAttribute(null));
    }
}
