package io.lotabots.platform.api.problem;

import io.lotabots.platform.DependencyUnavailableException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.ConfigProvider;

/** A dependency that did not answer: 503 with Retry-After, naming the dependency but nothing internal. */
@Provider
public class DependencyUnavailableMapper implements ExceptionMapper<DependencyUnavailableException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(DependencyUnavailableException exception) {
        return problem(exception.dependency(), RequestPath.of(uriInfo));
    }

    static Response problem(String dependency, String instance) {
        return problem(dependency, instance, "Try again later.");
    }

    /** {@code advice}: what the client should do, e.g. try again later. */
    static Response problem(String dependency, String instance, String advice) {
        int retryAfter = ConfigProvider.getConfig()
                .getOptionalValue("lotabots.api.retry-after-seconds", Integer.class)
                .orElse(5);
        return new Problem(
                        "dependency-unavailable",
                        "Service temporarily unavailable",
                        503,
                        "A service this request needs (" + dependency + ") is not answering. " + advice)
                .toResponse(instance)
                .header(HttpHeaders.RETRY_AFTER, retryAfter)
                .build();
    }
}
