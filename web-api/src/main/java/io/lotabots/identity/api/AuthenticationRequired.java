package io.lotabots.identity.api;

import io.lotabots.platform.refusal.Refusal;
import io.lotabots.platform.refusal.Refusal.Kind;
import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;

/**
 * An anonymous request to an endpoint that declares roles gets 401 problem+json with a Bearer
 * challenge here, just before Liberty's role check. Left to Liberty, it would ask the
 * authentication mechanism again and answer through the container's error page, which stalls
 * clients that upgraded the connection to cleartext HTTP/2.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class AuthenticationRequired implements ContainerRequestFilter {

    @Context
    ResourceInfo resource;

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getSecurityContext().getUserPrincipal() == null && needsCaller(resource.getResourceMethod())) {
            throw Refusal.of(
                    Kind.UNAUTHENTICATED,
                    "unauthorized",
                    "Authentication required",
                    "A valid access token is required (Authorization: Bearer …).");
        }
    }

    static boolean needsCaller(Method method) {
        if (method == null) {
            return false;
        }
        Boolean declared = declaration(method);
        if (declared == null) {
            declared = declaration(method.getDeclaringClass());
        }
        return declared != null && declared;
    }

    /** True if roles are declared (or everyone denied), false for {@code @PermitAll}, null if nothing is said. */
    private static Boolean declaration(AnnotatedElement element) {
        if (element.isAnnotationPresent(PermitAll.class)) {
            return false;
        }
        if (element.isAnnotationPresent(RolesAllowed.class) || element.isAnnotationPresent(DenyAll.class)) {
            return true;
        }
        return null;
    }
}
