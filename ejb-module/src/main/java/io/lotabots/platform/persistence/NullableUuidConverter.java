package io.lotabots.platform.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.UUID;

/**
 * For nullable {@code uuid} columns: EclipseLink's built-in UUID mapping fails on reading a null
 * (NullPointerException in its UUIDConverter), so such attributes name this converter explicitly.
 */
@Converter
public class NullableUuidConverter implements AttributeConverter<UUID, Object> {

    @Override
    public Object convertToDatabaseColumn(UUID value) {
        return value;
    }

    @Override
    public UUID convertToEntityAttribute(Object column) {
        if (column == null || column instanceof UUID) {
            return (UUID) column;
        }
        return UUID.fromString(column.toString());
    }
}
