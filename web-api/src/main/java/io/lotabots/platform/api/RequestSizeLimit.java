package io.lotabots.platform.api;

import io.lotabots.platform.api.problem.PayloadTooLarge;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses bodies over {@code lotabots.api.max-body-bytes}: at once when Content-Length says so,
 * otherwise as soon as a chunked body passes the limit while it is read. A model upload is streamed into
 * storage, never held, so its bound is the largest model ({@code lotabots.model.max-bytes}) plus room for the
 * form and an archive's headers ({@code lotabots.model.upload-overhead-bytes}); a document's content likewise,
 * bounded by {@code lotabots.document.max-bytes} plus room for its form and metadata.
 */
@Provider
@PreMatching
public class RequestSizeLimit implements ContainerRequestFilter {

    @Inject
    @ConfigProperty(name = "lotabots.api.max-body-bytes", defaultValue = "1048576")
    long maxBodyBytes;

    @Inject
    @ConfigProperty(name = "lotabots.model.max-bytes", defaultValue = "68719476736")
    long maxModelBytes;

    @Inject
    @ConfigProperty(name = "lotabots.model.upload-overhead-bytes", defaultValue = "16777216")
    long uploadOverheadBytes;

    @Inject
    @ConfigProperty(name = "lotabots.document.max-bytes", defaultValue = "5368709120")
    long maxDocumentBytes;

    /** A document upload's form and metadata around its content. */
    static final long DOCUMENT_OVERHEAD_BYTES = 1024 * 1024;

    @Override
    public void filter(ContainerRequestContext request) {
        long limit = isModelUpload(request)
                ? maxModelBytes + uploadOverheadBytes
                : isDocumentUpload(request) ? maxDocumentBytes + DOCUMENT_OVERHEAD_BYTES : maxBodyBytes;
        if (ContentLength.of(request.getHeaderString(HttpHeaders.CONTENT_LENGTH)) > limit) {
            throw PayloadTooLarge.refusal(limit);
        }
        if (request.hasEntity()) {
            request.setEntityStream(new BoundedInputStream(request.getEntityStream(), limit));
        }
    }

    private static boolean isDocumentUpload(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath().replaceFirst("^/", "");
        return ("POST".equals(request.getMethod()) && "documents".equals(path))
                || ("PUT".equals(request.getMethod()) && path.matches("documents/[^/]+/content"));
    }

    private static boolean isModelUpload(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        return "POST".equals(request.getMethod()) && ("models".equals(path) || "/models".equals(path));
    }
}
