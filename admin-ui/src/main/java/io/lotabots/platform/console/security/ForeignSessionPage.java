package io.lotabots.platform.console.security;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Liberty ties an HTTP session to the user who signed in; a request that presents the session
 * cookie without that user's sign-in cookie (or with another user's) makes {@code getSession}
 * throw {@code UnauthorizedSessionRequestException} (SESN0008E), which would otherwise reach the
 * browser as Liberty's error page with a stack trace. This answers 403 with a plain page instead,
 * and drops the session cookie so the next visit starts at the sign-in page. It writes the page
 * itself rather than forwarding to an error page: any page served through the Vaadin servlet would
 * touch the same session and fail again.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST)
public class ForeignSessionPage implements Filter {

    static final String EXCEPTION = "com.ibm.websphere.servlet.session.UnauthorizedSessionRequestException";

    private static final String PAGE =
            """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Sign in again · LotaBots</title></head>
            <body style="font-family: sans-serif; max-width: 40em; margin: 4em auto;">
            <h1>Please sign in again</h1>
            <p>This console session does not belong to your current sign-in (it may have ended, or
            the request came without the sign-in cookie).</p>
            <p><a href="%s">Go to the console sign-in</a></p>
            </body></html>
            """;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (RuntimeException | ServletException | IOException e) {
            if (!causedByForeignSession(e)
                    || response.isCommitted()
                    || !(request instanceof HttpServletRequest http)
                    || !(response instanceof HttpServletResponse page)) {
                throw e;
            }
            answer(http, page);
        }
    }

    /** True if the session-ownership check of the container is anywhere in the chain of causes. */
    static boolean causedByForeignSession(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
                if (EXCEPTION.equals(type.getName())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.reset();
        ConsoleSecurityHeaders.apply(request, response);
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setContentType("text/html");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        var config = request.getServletContext().getSessionCookieConfig();
        var expired = new Cookie(config.getName() == null ? "JSESSIONID" : config.getName(), "");
        expired.setPath(config.getPath() == null ? "/" : config.getPath());
        expired.setMaxAge(0);
        expired.setHttpOnly(true);
        response.addCookie(expired);
        response.getWriter().write(PAGE.formatted(request.getContextPath() + "/"));
        response.flushBuffer();
    }
}
