package io.lotabots.platform.console.security;

import io.lotabots.platform.logging.RequestFields;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The API's request id and tenant log fields for console requests too ({@link RequestFields}): the
 * tenant of the signed-in user, none before sign-in.
 */
@WebFilter(
        urlPatterns = "/*",
        asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class ConsoleLogFields extends HttpFilter {

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String tenant = request.getUserPrincipal() instanceof ConsolePrincipal signedIn
                ? signedIn.identity().tenantId().toString()
                : null;
        RequestFields.around(request, response, tenant, chain);
    }
}
