package io.lotabots.platform.api.problem;

import io.lotabots.platform.api.VersionTag;
import io.lotabots.platform.refusal.Refusal;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every refusal as its problem+json: the one place that gives a kind of refusal its HTTP status and
 * the headers that go with it (the challenge of a 401, the current ETag of a 412, Retry-After).
 */
@Provider
public class RefusalMapper implements ExceptionMapper<Refusal> {

    private static final String REALM = "realm=\"lotabots\"";

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(Refusal refusal) {
        return response(refusal, RequestPath.of(uriInfo));
    }

    /** The answer to a refusal, for code that answers without throwing (filters, delayed answers). */
    public static Response response(Refusal refusal, String instance) {
        var response = problem(refusal).toResponse(instance);
        headers(refusal).forEach(response::header);
        return response.build();
    }

    /** The problem document of a refusal, for answers written outside JAX-RS (servlet filters). */
    public static Problem problem(Refusal refusal) {
        return new Problem(
                refusal.slug(),
                refusal.title(),
                status(refusal.kind()),
                refusal.detail(),
                refusal.problems(),
                refusal.members());
    }

    static int status(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID_INPUT -> 400;
            case UNAUTHENTICATED, INVALID_CREDENTIALS, INVALID_CLIENT, INVALID_TOKEN -> 401;
            case FORBIDDEN -> 403;
            case NOT_FOUND -> 404;
            case CONFLICT, QUOTA_EXCEEDED -> 409;
            case STALE_VERSION -> 412;
            case PRECONDITION_REQUIRED -> 428;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_MEDIA_TYPE -> 415;
            case UNPROCESSABLE -> 422;
            case RATE_LIMITED -> 429;
            case GONE -> 410;
        };
    }

    /** The headers that go with the answer: a 401's challenge, a 412's current ETag, Retry-After. */
    static Map<String, String> headers(Refusal refusal) {
        var headers = new LinkedHashMap<String, String>();
        String challenge = challenge(refusal);
        if (challenge != null) {
            headers.put(HttpHeaders.WWW_AUTHENTICATE, challenge);
        }
        if (refusal.kind() == Refusal.Kind.STALE_VERSION) {
            refusal.currentVersion().ifPresent(v -> headers.put(HttpHeaders.ETAG, VersionTag.of(v)));
        }
        refusal.retryAfter().ifPresent(wait -> headers.put(HttpHeaders.RETRY_AFTER, String.valueOf(wait.toSeconds())));
        return headers;
    }

    /**
     * The WWW-Authenticate challenge of a 401: Bearer for the API's access tokens (RFC 6750 §3, with
     * {@code invalid_token} and the reason when a token was refused), Basic for an API key's client
     * credentials (RFC 6749 §5.2). A refused password or refresh token is no HTTP authentication, so
     * it has none.
     */
    private static String challenge(Refusal refusal) {
        return switch (refusal.kind()) {
            case UNAUTHENTICATED -> "Bearer " + REALM;
            case INVALID_TOKEN -> "Bearer " + REALM + ", error=\"invalid_token\", error_description=\""
                    + refusal.detail().replace("\"", "'") + "\"";
            case INVALID_CLIENT -> "Basic " + REALM;
            default -> null;
        };
    }

    /** A refusal that JAX-RS or a library wrapped (a parameter converter's, a body reader's), or null. */
    static Refusal findIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Refusal refusal) {
                return refusal;
            }
        }
        return null;
    }
}
