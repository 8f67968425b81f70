package io.lotabots.attestation.hardware.api;

import io.lotabots.attestation.hardware.boundary.HardwareRefusal;
import io.lotabots.platform.api.VersionTag;
import io.lotabots.platform.api.problem.Problem;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A refused device or policy request as problem+json; invalid fields are listed in {@code errors}. */
@Provider
public class HardwareRefusalMapper implements ExceptionMapper<HardwareRefusal> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(HardwareRefusal refusal) {
        var kind = refusal.kind();
        var errors = refusal.problems().stream()
                .map(p -> new Problem.FieldError(p.field(), p.message()))
                .toList();
        var response = new Problem(kind.slug, kind.title, kind.status, refusal.getMessage(), errors)
                .toResponse(uriInfo.getRequestUri().getRawPath());
        if (kind == HardwareRefusal.Kind.STALE) {
            response.header(HttpHeaders.ETAG, VersionTag.of(refusal.currentVersion()));
        }
        return response.build();
    }
}
