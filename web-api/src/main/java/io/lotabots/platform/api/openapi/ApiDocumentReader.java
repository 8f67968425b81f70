package io.lotabots.platform.api.openapi;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * What the annotations cannot say: how callers authenticate, the problem responses, the shapes
 * resources build by hand, and a relative server so the document is the same on every host (a
 * generated client is given its base URL).
 */
public class ApiDocumentReader implements OASModelReader {

    @Override
    public OpenAPI buildModel() {
        return OASFactory.createOpenAPI()
                .servers(List.of(OASFactory.createServer().url("/").description("The server of this document")))
                .tags(List.of(
                        OASFactory.createTag()
                                .name("Identity")
                                .description("Logins, tokens, users, roles, API keys and lockouts"),
                        OASFactory.createTag()
                                .name("Platform")
                                .description("Tenants and source-address lockouts, for the platform operator")))
                .components(OASFactory.createComponents()
                        .securitySchemes(SecuritySchemes.all())
                        .schemas(schemas())
                        .responses(ProblemResponses.all()));
    }

    private static Map<String, Schema> schemas() {
        var schemas = ContractShapes.all();
        schemas.putAll(BoundaryViews.all());
        return schemas;
    }
}
