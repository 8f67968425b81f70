package io.lotabots.platform.api.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

/** Small builders for schema objects, so the document's shapes read as declarations. */
public final class Schemas {

    private static final String COMPONENTS = "#/components/schemas/";

    private Schemas() {}

    /** An object with these properties (in this order); {@code required} may be empty. */
    public static Schema object(List<String> required, Map<String, ?> properties) {
        var typed = new LinkedHashMap<String, Schema>();
        properties.forEach((name, schema) -> typed.put(name, (Schema) schema));
        return OASFactory.createSchema()
                .addType(SchemaType.OBJECT)
                .required(required.isEmpty() ? null : required)
                .properties(typed);
    }

    /**
     * Names and values in the order given ({@code Map.of} iterates in an order that changes from one
     * run to the next, and the document must come out the same every time).
     */
    public static Map<String, Object> ordered(Object... namesAndValues) {
        var map = new LinkedHashMap<String, Object>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            map.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return map;
    }

    /** A JSON object whose members this document does not describe (reports, evidence documents). */
    public static Schema freeForm(String description) {
        return OASFactory.createSchema()
                .addType(SchemaType.OBJECT)
                .additionalPropertiesBoolean(Boolean.TRUE)
                .description(description);
    }

    public static Schema string(String description) {
        return OASFactory.createSchema().addType(SchemaType.STRING).description(description);
    }

    public static Schema integer(String description) {
        return OASFactory.createSchema()
                .addType(SchemaType.INTEGER)
                .format("int32")
                .description(description);
    }

    public static Schema arrayOf(Schema items, String description) {
        return OASFactory.createSchema().addType(SchemaType.ARRAY).items(items).description(description);
    }

    /** A reference to a schema of the document's components. */
    public static Schema ref(String component) {
        return OASFactory.createSchema().ref(COMPONENTS + component);
    }

    /** A file part of a multipart form, sent as the bytes the client has. */
    public static Schema file(String description) {
        return OASFactory.createSchema()
                .addType(SchemaType.STRING)
                .format("binary")
                .description(description);
    }
}
