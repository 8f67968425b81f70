package io.lotabots.identity.api;

import io.lotabots.identity.boundary.ClientCredentials;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The OAuth 2.0 token endpoint for bots: an API key buys a short-lived access token. */
@ApplicationScoped
@Path("auth/token")
@Tag(name = "Identity")
public class TokenResource {

    @EJB
    ClientCredentials credentials;

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "issueClientToken",
            summary = "Client-credentials grant for an API key",
            description = "grant_type=client_credentials; the key id and lbk_ secret as HTTP Basic credentials,"
                    + " or as client_id and client_secret in the form. Answers an access token whose sub is the"
                    + " key id and whose groups are the key's roles; no refresh token.")
    @APIResponse(responseCode = "200", description = "Access token")
    @APIResponse(responseCode = "400", description = "Missing or unsupported grant_type, or credentials sent twice")
    @APIResponse(responseCode = "401", description = "Unknown, revoked or expired key (invalid_client)")
    public Response token(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, MultivaluedMap<String, String> form) {
        ClientAuthentication client = ClientAuthentication.of(authorization, form);
        var grant = credentials.exchange(client.clientId(), client.secret());
        var noStore = new CacheControl();
        noStore.setNoStore(true);
        return Response.ok(TokenResponse.of(grant))
                .cacheControl(noStore)
                .header("Pragma", "no-cache")
                .build();
    }
}
