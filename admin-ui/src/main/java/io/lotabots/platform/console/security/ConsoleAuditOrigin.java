package io.lotabots.platform.console.security;

import io.lotabots.audit.boundary.AuditContext;
import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * Tells the audit trail where each console request came from (the peer address and User-Agent), so
 * console logins and the changes made in the console carry their origin like the API's do.
 */
@WebFilter("/*")
public class ConsoleAuditOrigin implements Filter {

    @Inject
    AuditContext audit;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http) {
            audit.origin(http.getRemoteAddr(), http.getHeader("User-Agent"));
        }
        chain.doFilter(request, response);
    }
}
