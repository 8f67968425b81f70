package io.lotabots.platform.api.problem;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Errors the servlet container answers before JAX-RS runs (a missing or invalid token, a role the
 * caller lacks, an unknown path) as problem+json too; wired as the WAR's error page.
 */
@WebServlet(urlPatterns = ContainerErrorServlet.PATH)
public class ContainerErrorServlet extends HttpServlet {

    static final String PATH = "/problem-error";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
        var problem =
                switch (status) {
                    case 401 -> new Problem(
                            "unauthorized",
                            "Authentication required",
                            401,
                            "A valid access token is required (Authorization: Bearer …).");
                    case 403 -> new Problem("forbidden", "Forbidden", 403, "Your role does not allow this action.");
                    case 404 -> new Problem("not-found", "Not found", 404, "No resource at this path.");
                    default -> new Problem("http-" + status, "Error", status, "The request could not be served.");
                };
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE.toString());
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write(problem.toJson(uri == null ? null : uri.toString()).toString());
    }
}
