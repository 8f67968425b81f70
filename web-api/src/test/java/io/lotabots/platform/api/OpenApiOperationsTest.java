package io.lotabots.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lotabots.platform.api.openapi.ApiContractFilter;
import jakarta.ws.rs.HttpMethod;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.junit.jupiter.api.Test;

/**
 * The operation ids of the OpenAPI contract, as the resources declare them: every operation named,
 * each name one operation (a JSON and a multipart method of one path share theirs), and the
 * document's public operations exactly the {@code @PermitAll} methods.
 */
class OpenApiOperationsTest {

    private final Path compiled = compiledApi();
    private final AccessMatrix matrix = AccessMatrix.of(compiled);
    private final Map<String, String> operationIds = operationIdsByMethod(compiled);

    @Test
    void everyResourceMethodNamesItsOperation() {
        var unnamed = matrix.endpoints.stream()
                .map(Endpoint::declaredIn)
                .filter(method -> operationIds.getOrDefault(method, "").isBlank())
                .toList();

        assertEquals(List.of(), unnamed, "resource methods without @Operation(operationId = ...)");
    }

    @Test
    void eachOperationIdNamesOneMethodAndPath() {
        Map<String, Set<String>> routes = new HashMap<>();
        for (var endpoint : matrix.endpoints) {
            String id = operationIds.get(endpoint.declaredIn());
            routes.computeIfAbsent(id, k -> new TreeSet<>()).add(endpoint.method() + " " + endpoint.path());
        }
        var shared = routes.entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .map(Map.Entry::toString)
                .toList();

        assertEquals(List.of(), shared, "operation ids used for more than one operation");
    }

    @Test
    void theDocumentsPublicOperationsAreThePermitAllMethods() {
        var permitAll = matrix.endpoints.stream()
                .filter(Endpoint::isPublic)
                .map(e -> operationIds.get(e.declaredIn()))
                .collect(Collectors.toCollection(TreeSet::new));

        assertEquals(permitAll, new TreeSet<>(ApiContractFilter.PUBLIC_OPERATIONS));
    }

    /** "Class#method" (as {@link Endpoint#declaredIn()}) to the operation id its annotation gives. */
    private static Map<String, String> operationIdsByMethod(Path compiled) {
        Map<String, String> ids = new HashMap<>();
        AccessMatrix.resourceClasses(compiled).forEach(type -> {
            for (Method method : type.getMethods()) {
                if (isResourceMethod(method)) {
                    var operation = method.getAnnotation(Operation.class);
                    ids.put(
                            type.getSimpleName() + "#" + method.getName(),
                            operation == null ? "" : operation.operationId());
                }
            }
        });
        return ids;
    }

    private static boolean isResourceMethod(Method method) {
        return Arrays.stream(method.getAnnotations())
                .anyMatch(a -> a.annotationType().isAnnotationPresent(HttpMethod.class));
    }

    private static Path compiledApi() {
        try {
            return Path.of(ApiApplication.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
