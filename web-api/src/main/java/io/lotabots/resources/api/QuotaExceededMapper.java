package io.lotabots.resources.api;

import io.lotabots.platform.api.problem.Problem;
import io.lotabots.resources.boundary.QuotaExceededException;
import io.lotabots.resources.control.Quota;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A quota refusal as problem+json {@code quota-exceeded} with the quota's name, what the tenant uses and
 * its limit as extension members: 409 for capacity quotas, 429 with {@code Retry-After} for the daily CPU.
 */
@Provider
public class QuotaExceededMapper implements ExceptionMapper<QuotaExceededException> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(QuotaExceededException refusal) {
        Quota quota = refusal.quota();
        var problem = new Problem("quota-exceeded", "Quota exceeded", quota.status(), refusal.getMessage());
        var body = io.lotabots.platform.json.Json.createObjectBuilder(
                        problem.toJson(uriInfo.getRequestUri().getRawPath()))
                .add("quota", quota.label())
                .add("used", refusal.used())
                .add("limit", refusal.limit())
                .add("requested", refusal.requested())
                .build();
        var response = Response.status(quota.status()).type(Problem.MEDIA_TYPE).entity(body.toString());
        if (quota == Quota.CPU_SECONDS_PER_DAY) {
            response.header(HttpHeaders.RETRY_AFTER, refusal.retryAfterSeconds());
        }
        return response.build();
    }
}
