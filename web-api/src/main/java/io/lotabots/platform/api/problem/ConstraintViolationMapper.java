package io.lotabots.platform.api.problem;

import io.lotabots.platform.api.input.ParameterConverters;
import io.lotabots.platform.refusal.FieldProblem;
import io.lotabots.platform.refusal.Refusal;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.stream.StreamSupport;

/** Bean Validation failures as invalid input, one field problem per invalid field. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        var errors = exception.getConstraintViolations().stream()
                .map(v -> new FieldProblem(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return RefusalMapper.response(Refusal.invalidInput(errors), RequestPath.of(uriInfo));
    }

    /**
     * {@code start.request.message} (method, parameter, field) becomes {@code message}; a query, path
     * or header parameter ({@code list.limit}) is named as the client sends it ({@code limit}).
     */
    private static String fieldName(ConstraintViolation<?> violation) {
        var nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
                .filter(n -> n.getKind() == ElementKind.PROPERTY || n.getKind() == ElementKind.CONTAINER_ELEMENT)
                .map(Path.Node::getName)
                .toList();
        if (!nodes.isEmpty()) {
            return String.join(".", nodes);
        }
        String parameter = parameterName(violation);
        return parameter == null ? "body" : parameter;
    }

    private static String parameterName(ConstraintViolation<?> violation) {
        Path.MethodNode method = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                method = node.as(Path.MethodNode.class);
            } else if (node.getKind() == ElementKind.PARAMETER && method != null) {
                int index = node.as(Path.ParameterNode.class).getParameterIndex();
                Class<?> type = violation.getRootBeanClass();
                return type == null ? null : annotatedName(type, method, index);
            }
        }
        return null;
    }

    /** The JAX-RS name of the parameter, looked up through subclasses a container may have generated. */
    private static String annotatedName(Class<?> type, Path.MethodNode method, int index) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                var declared = c.getDeclaredMethod(
                        method.getName(), method.getParameterTypes().toArray(Class<?>[]::new));
                String name = ParameterConverters.parameterName(declared.getParameterAnnotations()[index]);
                if (name != null) {
                    return name;
                }
            } catch (NoSuchMethodException e) {
                // declared further up
            }
        }
        return null;
    }
}
