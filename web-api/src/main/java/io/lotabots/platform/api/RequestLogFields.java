package io.lotabots.platform.api;

import io.lotabots.platform.logging.RequestFields;
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
 * Puts the request id and the caller's tenant on every log line of an API request ({@code
 * ext_requestId}, {@code ext_tenant} in the JSON logs) and answers with the id in {@code X-Request-Id}
 * ({@link RequestFields}). The tenant is the verified token's claim, a UUID; names, tokens and addresses
 * stay out of the fields.
 */
@WebFilter(
        urlPatterns = "/*",
        asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class RequestLogFields extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        RequestFields.around(request, response, tenant(request), chain);
    }

    private static String tenant(HttpServletRequest request) {
        return request.getUserPrincipal() instanceof JsonWebToken token
                        && token.getClaim("tenant") instanceof String tenant
                ? tenant
                : null;
    }
}
