package io.lotabots.platform.api.input;

import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.MatrixParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.function.Function;

/**
 * Numbers in query, path, header and form parameters: one that does not convert is the caller's 400
 * naming the parameter. (JAX-RS itself answers a failed conversion with an anonymous 404.)
 */
@Provider
public class ParameterConverters implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = parameterName(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == int.class || rawType == Integer.class) {
            return (ParamConverter<T>) new WholeNumber<>(name, Integer::valueOf);
        }
        if (rawType == long.class || rawType == Long.class) {
            return (ParamConverter<T>) new WholeNumber<>(name, Long::valueOf);
        }
        return null;
    }

    /** The name a client uses for the parameter, or null if it is not a named parameter. */
    public static String parameterName(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof PathParam p) {
                return p.value();
            }
            if (a instanceof HeaderParam h) {
                return h.value();
            }
            if (a instanceof FormParam f) {
                return f.value();
            }
            if (a instanceof MatrixParam m) {
                return m.value();
            }
            if (a instanceof CookieParam c) {
                return c.value();
            }
        }
        return null;
    }

    private record WholeNumber<N extends Number>(String name, Function<String, N> parser) implements ParamConverter<N> {

        @Override
        public N fromString(String value) {
            if (value == null) {
                return null;
            }
            try {
                return parser.apply(value.strip());
            } catch (NumberFormatException e) {
                throw InvalidInput.field(name, "must be a whole number").toRefusal();
            }
        }

        @Override
        public String toString(N value) {
            return value == null ? null : value.toString();
        }
    }
}
