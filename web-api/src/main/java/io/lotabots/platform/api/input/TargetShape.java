package io.lotabots.platform.api.input;

import io.lotabots.platform.refusal.FieldProblem;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Holds a JSON document against the type a resource binds it to, for what the binding cannot name
 * itself: a document that is no object where an object is expected, and instants outside what
 * PostgreSQL stores (JSON-B accepts years up to ±999999999). Records are followed into their
 * components, collections into their elements.
 */
final class TargetShape {

    private TargetShape() {}

    /** {@code object}: whether the document is an object; {@code tree} builds it, only if the type holds instants. */
    static void check(boolean object, Type target, Supplier<JsonValue> tree, List<FieldProblem> errors) {
        Class<?> raw = rawClass(target);
        if (raw != null && expectsObject(raw) && !object) {
            errors.add(new FieldProblem("body", "must be a JSON object"));
            return;
        }
        if (holdsInstants(target, new HashSet<>())) {
            walk(tree.get(), target, "", errors);
        }
    }

    private static boolean holdsInstants(Type type, Set<Class<?>> seen) {
        Class<?> raw = rawClass(type);
        if (raw == null || !seen.add(raw)) {
            return false;
        }
        if (raw == Instant.class) {
            return true;
        }
        if (raw.isRecord()) {
            for (RecordComponent component : raw.getRecordComponents()) {
                if (holdsInstants(component.getGenericType(), seen)) {
                    return true;
                }
            }
        }
        return Collection.class.isAssignableFrom(raw)
                && type instanceof ParameterizedType p
                && holdsInstants(p.getActualTypeArguments()[0], seen);
    }

    private static void walk(JsonValue value, Type type, String path, List<FieldProblem> errors) {
        if (value == null || value.getValueType() == JsonValue.ValueType.NULL) {
            return;
        }
        Class<?> raw = rawClass(type);
        if (raw == null) {
            return;
        }
        if (raw == Instant.class) {
            instant(value, path, errors);
        } else if (raw.isRecord() && value.getValueType() == JsonValue.ValueType.OBJECT) {
            var object = (JsonObject) value;
            for (RecordComponent component : raw.getRecordComponents()) {
                String name = jsonName(component);
                walk(object.get(name), component.getGenericType(), path.isEmpty() ? name : path + "." + name, errors);
            }
        } else if (Collection.class.isAssignableFrom(raw)
                && value.getValueType() == JsonValue.ValueType.ARRAY
                && type instanceof ParameterizedType parameterized) {
            var array = (JsonArray) value;
            for (int i = 0; i < array.size(); i++) {
                walk(array.get(i), parameterized.getActualTypeArguments()[0], path + "[" + i + "]", errors);
            }
        }
    }

    private static void instant(JsonValue value, String path, List<FieldProblem> errors) {
        String field = path.isEmpty() ? "body" : path;
        if (value.getValueType() != JsonValue.ValueType.STRING) {
            errors.add(new FieldProblem(field, "must be an ISO-8601 UTC time such as 2030-01-01T00:00:00Z"));
            return;
        }
        try {
            StorableInstants.parse(((JsonString) value).getString());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldProblem(field, e.getMessage()));
        }
    }

    /** A record's JSON member name: its {@code @JsonbProperty}, else the component's name. */
    private static String jsonName(RecordComponent component) {
        var renamed = component.getAccessor().getAnnotation(JsonbProperty.class);
        if (renamed == null) {
            try {
                renamed = component
                        .getDeclaringRecord()
                        .getDeclaredField(component.getName())
                        .getAnnotation(JsonbProperty.class);
            } catch (NoSuchFieldException e) {
                renamed = null;
            }
        }
        return renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
    }

    private static boolean expectsObject(Class<?> raw) {
        if (raw == JsonObject.class || raw.isRecord() || Map.class.isAssignableFrom(raw)) {
            return true;
        }
        return false;
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }
}
