package io.lotabots.platform.api.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import org.junit.jupiter.api.Test;

class ParameterConvertersTest {

    @SuppressWarnings("unused")
    void list(
            @QueryParam("limit") @DefaultValue("50") int limit,
            @PathParam("id") String id,
            @HeaderParam("If-Match") String tag,
            String body) {}

    @Test
    void namesAParameterAsTheClientSendsIt() throws NoSuchMethodException {
        var annotations = getClass()
                .getDeclaredMethod("list", int.class, String.class, String.class, String.class)
                .getParameterAnnotations();

        assertEquals("limit", ParameterConverters.parameterName(annotations[0]));
        assertEquals("id", ParameterConverters.parameterName(annotations[1]));
        assertEquals("If-Match", ParameterConverters.parameterName(annotations[2]));
        assertNull(ParameterConverters.parameterName(annotations[3]), "the body is no named parameter");
    }

    @Test
    void convertsOnlyNamedWholeNumbers() {
        var converters = new ParameterConverters();
        var query = new java.lang.annotation.Annotation[] {queryParam("limit")};

        assertEquals(42, converters.getConverter(int.class, int.class, query).fromString(" 42 "));
        assertEquals(7L, converters.getConverter(Long.class, Long.class, query).fromString("7"));
        assertNull(converters.getConverter(String.class, String.class, query));
        assertNull(converters.getConverter(int.class, int.class, new java.lang.annotation.Annotation[0]));
    }

    private static QueryParam queryParam(String name) {
        return new QueryParam() {
            @Override
            public String value() {
                return name;
            }

            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return QueryParam.class;
            }
        };
    }
}
