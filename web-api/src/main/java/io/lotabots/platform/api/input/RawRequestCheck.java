package io.lotabots.platform.api.input;

import io.lotabots.platform.api.problem.Problem;
import io.lotabots.platform.api.problem.RefusalMapper;
import io.lotabots.platform.http.HeaderSyntax;
import io.lotabots.platform.refusal.FieldProblem;
import io.lotabots.platform.refusal.Refusal;
import io.lotabots.platform.refusal.Refusal.Kind;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * What every path of this WAR (the API, the well-known documents) receives raw, checked before JAX-RS
 * or a servlet reads it: a query string with a bad {@code %} escape, bytes that are not UTF-8, NUL or
 * an unpaired surrogate ({@link FormEncoding}; RESTEasy cannot even build the request URI of a bad
 * escape), a Content-Type that is no media type, and Basic credentials that are no base64 of {@code
 * id:secret}. Each is a 400 problem+json naming the parameter or header. The answer is written here
 * rather than through {@code sendError}: an error-page dispatch stalls clients that upgraded to
 * cleartext HTTP/2.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class RawRequestCheck extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        var badParameters = FormEncoding.problems(request.getQueryString());
        if (!badParameters.isEmpty()) {
            write(request, response, RefusalMapper.problem(Refusal.invalidInput(badParameters)));
            return;
        }
        String contentType = request.getHeader("Content-Type");
        if (contentType != null && !HeaderSyntax.isMediaType(contentType)) {
            refuse(request, response, "Content-Type", "is not a media type such as application/json");
            return;
        }
        String authorization = request.getHeader("Authorization");
        if (authorization != null && !HeaderSyntax.isWellFormedBasic(authorization)) {
            refuse(request, response, "Authorization", "Basic credentials must be base64 of id:secret (RFC 7617)");
            return;
        }
        chain.doFilter(request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, String header, String message)
            throws IOException {
        write(
                request,
                response,
                RefusalMapper.problem(
                        Refusal.builder(Kind.INVALID_INPUT, "malformed-header", "Malformed request header")
                                .detail("The " + header + " header is malformed.")
                                .problems(List.of(new FieldProblem(header, message)))
                                .build()));
    }

    private static void write(HttpServletRequest request, HttpServletResponse response, Problem problem)
            throws IOException {
        response.setStatus(problem.status());
        response.setContentType(Problem.MEDIA_TYPE.toString());
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(problem.toJson(request.getRequestURI()).toString());
    }
}
