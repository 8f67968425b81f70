package io.lotabots.platform.api;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * HSTS on every HTTPS answer of the API, the well-known documents and the error pages: a browser that
 * once reached the server over HTTPS never again sends it a request (or a cookie) in clear. Plain
 * HTTP answers go without it (RFC 6797 forbids it there, and browsers ignore it).
 */
@WebFilter(
        urlPatterns = "/*",
        asyncSupported = true, // a filter that is not would refuse the asynchronous resources behind it
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class StrictTransportSecurity implements Filter {

    static final String VALUE = "max-age=31536000; includeSubDomains";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.isSecure() && response instanceof HttpServletResponse http) {
            http.setHeader("Strict-Transport-Security", VALUE);
        }
        chain.doFilter(request, response);
    }
}
