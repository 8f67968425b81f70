package io.lotabots.platform.api.openapi;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/** The error answers every operation can give, each an RFC 9457 problem document. */
final class ProblemResponses {

    static final String MEDIA_TYPE = "application/problem+json";

    static final String UNAUTHORIZED = "Unauthorized";
    static final String FORBIDDEN = "Forbidden";
    static final String PAYLOAD_TOO_LARGE = "PayloadTooLarge";
    static final String TOO_MANY_REQUESTS = "TooManyRequests";
    static final String SERVICE_UNAVAILABLE = "ServiceUnavailable";

    private ProblemResponses() {}

    static Map<String, APIResponse> all() {
        var responses = new LinkedHashMap<String, APIResponse>();
        responses.put(UNAUTHORIZED, problem("No access token, or one that is invalid, expired or revoked"));
        responses.put(FORBIDDEN, problem("The caller's roles do not allow this operation"));
        responses.put(PAYLOAD_TOO_LARGE, problem("The body is over lotabots.api.max-body-bytes"));
        responses.put(TOO_MANY_REQUESTS, problem("Over the client's rate limit; retry after Retry-After seconds"));
        responses.put(SERVICE_UNAVAILABLE, problem("A dependency (database, cache, storage) is down; retry later"));
        return responses;
    }

    /** A response of this description whose body is a problem document. */
    static APIResponse problem(String description) {
        return OASFactory.createAPIResponse().description(description).content(content());
    }

    /** problem+json content, for a declared error response that names no body. */
    static Content content() {
        return OASFactory.createContent()
                .addMediaType(MEDIA_TYPE, OASFactory.createMediaType().schema(Schemas.ref(ContractShapes.PROBLEM)));
    }

    /** A reference to one of {@link #all()}. */
    static APIResponse ref(String name) {
        return OASFactory.createAPIResponse().ref("#/components/responses/" + name);
    }
}
