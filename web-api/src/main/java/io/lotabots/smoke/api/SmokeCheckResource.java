package io.lotabots.smoke.api;

import io.lotabots.platform.api.problem.ClientProblem;
import io.lotabots.smoke.boundary.SmokeCheckView;
import io.lotabots.smoke.boundary.SmokeChecks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The smoke check: proves REST → EJB → PostgreSQL → JMS → MDB → S3 → Redis end to end; for operators. */
@ApplicationScoped
@Path("smoke-checks")
@Tag(name = "Operations")
@RolesAllowed({"OPERATOR", "ADMIN"})
public class SmokeCheckResource {

    @EJB
    SmokeChecks smokeChecks;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "startSmokeCheck",
            summary = "Start a smoke check",
            description = "Stores the message in PostgreSQL and S3 and queues a job.")
    @APIResponse(responseCode = "202", description = "Accepted; poll the Location")
    @APIResponse(responseCode = "400", description = "Invalid body")
    @APIResponse(responseCode = "503", description = "A dependency is down")
    public Response start(@Valid @NotNull SmokeCheckRequest request, @Context UriInfo uriInfo) {
        SmokeCheckView view = smokeChecks.start(request.message());
        var location =
                uriInfo.getAbsolutePathBuilder().path(view.id().toString()).build();
        return Response.accepted(view).location(location).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getSmokeCheck",
            summary = "Read a smoke check",
            description = "Completed checks include the result read back from S3.")
    @APIResponse(responseCode = "200", description = "The check")
    @APIResponse(responseCode = "404", description = "No such check")
    public SmokeCheckView get(@PathParam("id") String id) {
        return smokeChecks.find(parse(id)).orElseThrow(() -> ClientProblem.notFound("No smoke check " + id + "."));
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ClientProblem.notFound("No smoke check " + id + ".");
        }
    }
}
