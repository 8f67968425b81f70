package io.lotabots.platform.logging;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * What the web modules' log filters do around a request: its id (the caller's usable {@code
 * X-Request-Id}, else a new one, answered back in that header) and the caller's tenant go on every log
 * line the request's thread writes, and off again when it is done. The error page's dispatch, which
 * runs after the request's own has ended, keeps the same id.
 */
public final class RequestFields {

    private static final String ID = RequestFields.class.getName() + ".id";

    private RequestFields() {}

    /** @param tenant the caller's tenant id, or null for an anonymous request */
    public static void around(
            HttpServletRequest request, HttpServletResponse response, String tenant, FilterChain chain)
            throws IOException, ServletException {
        String id = request.getAttribute(ID) instanceof String known
                ? known
                : RequestIds.accept(request.getHeader(RequestIds.HEADER));
        request.setAttribute(ID, id);
        response.setHeader(RequestIds.HEADER, id);
        LogContext.put(RequestIds.FIELD, id);
        LogContext.put(RequestIds.TENANT_FIELD, tenant);
        try {
            chain.doFilter(request, response);
        } finally {
            LogContext.remove(RequestIds.FIELD);
            LogContext.remove(RequestIds.TENANT_FIELD);
        }
    }
}
