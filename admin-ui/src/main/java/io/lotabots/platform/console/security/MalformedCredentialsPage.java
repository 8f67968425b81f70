package io.lotabots.platform.console.security;

import io.lotabots.platform.http.HeaderSyntax;
import io.lotabots.platform.json.Json;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The console signs in with its own form, never with HTTP Basic; a request whose {@code Authorization:
 * Basic} header is no base64 of {@code id:secret} gets the same 400 problem+json as the API gives,
 * naming the header, instead of a console page.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = DispatcherType.REQUEST, asyncSupported = true)
public class MalformedCredentialsPage extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || HeaderSyntax.isWellFormedBasic(authorization)) {
            chain.doFilter(request, response);
            return;
        }
        var problem = Json.createObjectBuilder()
                .add("type", "https://lotabots.io/problems/malformed-header")
                .add("title", "Malformed request header")
                .add("status", 400)
                .add("detail", "The Authorization header is malformed.")
                .add("instance", request.getRequestURI())
                .add(
                        "errors",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("field", "Authorization")
                                        .add("message", "Basic credentials must be base64 of id:secret (RFC 7617)")))
                .build();
        response.setStatus(400);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(problem.toString());
    }
}
