package io.lotabots.platform.api.input;

import io.lotabots.platform.api.problem.ClientProblem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

/**
 * Refuses a query string with a malformed escape, bytes that are not UTF-8, NUL or an unpaired
 * surrogate, naming each parameter, before any resource or database sees it.
 */
@Provider
@PreMatching
public class QueryParameterCheck implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        var errors = FormEncoding.problems(request.getUriInfo().getRequestUri().getRawQuery());
        if (!errors.isEmpty()) {
            throw ClientProblem.invalidFields(errors);
        }
    }
}
