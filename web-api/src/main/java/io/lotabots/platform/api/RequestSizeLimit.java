package io.lotabots.platform.api;

import io.lotabots.platform.api.problem.PayloadTooLarge;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses bodies over {@code lotabots.api.max-body-bytes}: at once when Content-Length says so,
 * otherwise as soon as a chunked body passes the limit while it is read.
 */
@Provider
@PreMatching
public class RequestSizeLimit implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "lotabots.api.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getLength() > maxBodyBytes) {
            throw PayloadTooLarge.refusal(maxBodyBytes);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new BoundedInputStream(request.getEntityStream(), maxBodyBytes));
        }
    }
}
