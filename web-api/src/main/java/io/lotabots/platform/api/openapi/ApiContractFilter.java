package io.lotabots.platform.api.openapi;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Makes every operation a complete contract: an operation id, its security requirement, the
 * schemas of hand-built bodies, and problem+json for every error answer, including the ones any
 * operation can give (401 and 403 where a role is needed, 413 for bodies, 429 and 503 everywhere).
 */
public class ApiContractFilter implements OASFilter {

    /** The operations anyone may call: the {@code @PermitAll} resource methods. */
    public static final Set<String> PUBLIC_OPERATIONS = Set.of("login", "refreshSession", "issueClientToken");

    /** The public operation that authenticates with an API key's credentials. */
    static final String CLIENT_CREDENTIALS_GRANT = "issueClientToken";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach(this::describe);
        if (openAPI.getComponents() != null) {
            BoundaryViews.link(openAPI.getComponents());
        }
    }

    private void describe(String path, PathItem item) {
        item.getOperations().forEach((method, operation) -> {
            if (operation.getOperationId() == null) {
                operation.setOperationId(OperationIds.derive(method.name(), path));
            }
            boolean needsRole = secure(operation);
            HandBuiltBodies.describe(operation);
            completeResponses(operation, needsRole);
        });
    }

    private static boolean secure(Operation operation) {
        String id = operation.getOperationId();
        if (CLIENT_CREDENTIALS_GRANT.equals(id)) {
            operation.setSecurity(SecuritySchemes.clientCredentials());
            return false;
        }
        if (PUBLIC_OPERATIONS.contains(id)) {
            operation.setSecurity(SecuritySchemes.none());
            return false;
        }
        operation.setSecurity(SecuritySchemes.roleRequired());
        return true;
    }

    private static void completeResponses(Operation operation, boolean needsRole) {
        var responses = operation.getResponses();
        var all = new LinkedHashMap<>(responses.getAPIResponses());
        all.forEach((status, response) -> {
            if (isError(status) && response.getRef() == null && response.getContent() == null) {
                response.setContent(ProblemResponses.content());
            }
        });
        if (needsRole) {
            all.putIfAbsent("401", ProblemResponses.ref(ProblemResponses.UNAUTHORIZED));
            all.putIfAbsent("403", ProblemResponses.ref(ProblemResponses.FORBIDDEN));
        }
        if (operation.getRequestBody() != null) {
            all.putIfAbsent("413", ProblemResponses.ref(ProblemResponses.PAYLOAD_TOO_LARGE));
        }
        all.putIfAbsent("429", ProblemResponses.ref(ProblemResponses.TOO_MANY_REQUESTS));
        all.putIfAbsent("503", ProblemResponses.ref(ProblemResponses.SERVICE_UNAVAILABLE));
        responses.setAPIResponses(sortedByStatus(all));
    }

    private static boolean isError(String status) {
        return status.startsWith("4") || status.startsWith("5");
    }

    private static Map<String, APIResponse> sortedByStatus(Map<String, APIResponse> responses) {
        var sorted = new LinkedHashMap<String, APIResponse>();
        responses.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.naturalOrder()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
