package io.lotabots.platform.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class NullableUuidConverterTest {

    private final NullableUuidConverter converter = new NullableUuidConverter();
    private final UUID id = UUID.fromString("5f0c2b1e-8d3a-4e6f-9b7c-1a2d3e4f5a6b");

    @Test
    void aNullColumnIsANullAttributeAndBack() {
        assertNull(converter.convertToEntityAttribute(null));
        assertNull(converter.convertToDatabaseColumn(null));
    }

    @Test
    void passesTheDriversUuidThrough() {
        assertEquals(id, converter.convertToEntityAttribute(id));
        assertEquals(id, converter.convertToDatabaseColumn(id));
    }

    @Test
    void readsAUuidThatArrivesAsText() {
        assertEquals(id, converter.convertToEntityAttribute(id.toString()));
    }
}
