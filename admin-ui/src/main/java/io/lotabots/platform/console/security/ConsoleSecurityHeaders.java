package io.lotabots.platform.console.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Browser protections on every console answer: a Content-Security-Policy that allows only what Vaadin
 * Flow needs (its bootstrap is an inline script and its client engine builds functions from the
 * expressions the server sends, hence {@code 'unsafe-inline' 'unsafe-eval'} for scripts; its
 * components set inline styles) and nothing from other origins, no framing, no content sniffing, no
 * referrer leaving the console, and HSTS on HTTPS answers (RFC 6797 forbids it over plain HTTP).
 */
@WebFilter(
        urlPatterns = "/*",
        asyncSupported = true, // a filter that is not would refuse the asynchronous resources behind it
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class ConsoleSecurityHeaders implements Filter {

    static final String CONTENT_SECURITY_POLICY = String.join(
            "; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    static final String STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse answer) {
            apply(http, answer);
        }
        chain.doFilter(request, response);
    }

    /** Sets the headers; also called by pages that reset the response after this filter ran. */
    static void apply(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", STRICT_TRANSPORT_SECURITY);
        }
    }
}
