package io.lotabots.retention.api;

import io.lotabots.platform.api.Callers;
import io.lotabots.retention.boundary.RetentionOverview;
import io.lotabots.retention.boundary.RetentionView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The retention periods in force and the tenant's latest purge runs. */
@ApplicationScoped
@Path("privacy/retention")
@Tag(name = "Retention", description = "Retention periods, purge runs and legal holds")
@Produces(MediaType.APPLICATION_JSON)
public class RetentionResource {

    @EJB
    RetentionOverview overview;

    @Context
    SecurityContext security;

    @GET
    @RolesAllowed({"ADMIN", "COMPLIANCE_OFFICER", "AUDITOR"})
    @Operation(
            operationId = "getRetention",
            summary = "Retention periods and purge runs",
            description = "Each data class's period (ISO-8601; forever when configured zero), the classes never"
                    + " purged and why, and the tenant's latest purge runs with the objects each removed per class"
                    + " and kept under a legal hold.")
    @APIResponse(responseCode = "200", description = "{periods, kept, lastRuns}")
    public RetentionView get() {
        return overview.view(Callers.of(security).tenantId());
    }
}
