package io.lotabots.platform.api;

import io.lotabots.platform.logging.LogContext;
import io.lotabots.platform.logging.RequestIds;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Puts the request id and the caller's tenant on every log line the request's thread writes
 * ({@code ext_requestId}, {@code ext_tenant} in the JSON logs), and answers with the id in {@code
 * X-Request-Id}: the caller's own if it sent a usable one, else a new one. The tenant is the verified
 * token's claim, a UUID; names, tokens and addresses stay out of the fields. The error page's dispatch
 * (problem+json for what failed outside JAX-RS) carries the same id.
 */
@WebFilter(
        urlPatterns = "/*",
        asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class RequestLogFields extends HttpFilter {

    /** The id, kept for the error page's dispatch, which runs after the request's own has ended. */
    private static final String ID = RequestLogFields.class.getName() + ".id";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String id = request.getAttribute(ID) instanceof String known
                ? known
                : RequestIds.accept(request.getHeader(RequestIds.HEADER));
        request.setAttribute(ID, id);
        response.setHeader(RequestIds.HEADER, id);
        LogContext.put(RequestIds.FIELD, id);
        LogContext.put(RequestIds.TENANT_FIELD, tenant(request));
        try {
            chain.doFilter(request, response);
        } finally {
            LogContext.remove(RequestIds.FIELD);
            LogContext.remove(RequestIds.TENANT_FIELD);
        }
    }

    private static String tenant(HttpServletRequest request) {
        return request.getUserPrincipal() instanceof JsonWebToken token
                        && token.getClaim("tenant") instanceof String tenant
                ? tenant
                : null;
    }
}
