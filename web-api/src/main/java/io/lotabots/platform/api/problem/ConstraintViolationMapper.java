package io.lotabots.platform.api.problem;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Comparator;
import java.util.stream.StreamSupport;

/** Bean Validation failures as 400 with one entry per invalid field. */
@Provider
public class ConstraintViolationMapper implements ExceptionMapper<ConstraintViolationException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(ConstraintViolationException exception) {
        var errors = exception.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        var problem = new Problem(
                "validation",
                "Invalid request",
                400,
                "The request has " + errors.size() + " invalid field(s).",
                errors);
        return problem.toResponse(RequestPath.of(uriInfo)).build();
    }

    /** {@code start.request.message} (method, parameter, field) becomes {@code message}. */
    private static String fieldName(ConstraintViolation<?> violation) {
        var nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false)
                .filter(n -> n.getKind() == jakarta.validation.ElementKind.PROPERTY
                        || n.getKind() == jakarta.validation.ElementKind.CONTAINER_ELEMENT)
                .map(Path.Node::getName)
                .toList();
        return nodes.isEmpty() ? "body" : String.join(".", nodes);
    }
}
