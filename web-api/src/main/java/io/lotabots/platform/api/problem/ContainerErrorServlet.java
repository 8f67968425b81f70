package io.lotabots.platform.api.problem;

import io.lotabots.platform.refusal.FieldProblem;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Errors the servlet container answers before JAX-RS runs (a missing or invalid token, a role the
 * caller lacks, an unknown path, a path Liberty refuses, a servlet's failure) as problem+json too,
 * never with the exception's text; wired as the WAR's error page.
 */
@WebServlet(urlPatterns = ContainerErrorServlet.PATH)
public class ContainerErrorServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(ContainerErrorServlet.class.getName());

    static final String PATH = "/problem-error";

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        Object failure = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        int status = code instanceof Integer i ? i : HttpServletResponse.SC_NOT_FOUND;
        if (isRefusedPath(failure)) {
            status = 400;
        } else if (failure instanceof Throwable && (status < 400 || status == 404)) {
            status = 500;
        }
        var problem =
                switch (status) {
                    case 400 -> isRefusedPath(failure)
                            ? new Problem(
                                    "malformed-path",
                                    "Malformed request path",
                                    400,
                                    "The request path holds a character this server refuses.",
                                    List.of(new FieldProblem(
                                            "path", "must not contain an encoded '/', '.' or '\\', or a backslash")))
                            : new Problem("bad-request", "Bad request", 400, "The request is malformed.");
                    case 401 -> new Problem(
                            "unauthorized",
                            "Authentication required",
                            401,
                            "A valid access token is required (Authorization: Bearer …).");
                    case 403 -> new Problem("forbidden", "Forbidden", 403, "Your role does not allow this action.");
                    case 404 -> new Problem("not-found", "Not found", 404, "No resource at this path.");
                    case 405 -> new Problem(
                            "method-not-allowed",
                            "Method not allowed",
                            405,
                            "This resource does not support that HTTP method.");
                    case 415 -> new Problem(
                            "unsupported-media-type",
                            "Unsupported media type",
                            415,
                            "This resource does not accept the Content-Type sent.");
                    case 500 -> internalError(failure);
                    default -> new Problem("http-" + status, "Error", status, "The request could not be served.");
                };
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (!response.isCommitted()) {
            response.resetBuffer();
        }
        response.setStatus(status);
        response.setContentType(Problem.MEDIA_TYPE.toString());
        response.setCharacterEncoding("UTF-8");
        response.getWriter()
                .write(problem.toJson(uri == null ? null : uri.toString()).toString());
    }

    /**
     * Liberty's own refusal of an encoded slash, dot or backslash in the path (CWWWC0005I), made
     * before the application is chosen for the request's servlet.
     */
    private static boolean isRefusedPath(Object failure) {
        for (Throwable t = failure instanceof Throwable f ? f : null;
                t != null;
                t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException
                    && t.getMessage() != null
                    && t.getMessage().startsWith("CWWWC0005I")) {
                return true;
            }
        }
        return false;
    }

    /** A failure outside JAX-RS: logged with an incident id, which is all the client sees of it. */
    private static Problem internalError(Object failure) {
        String incident = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "Incident " + incident + " outside JAX-RS", failure instanceof Throwable t ? t : null);
        return new Problem(
                "internal-error",
                "Internal server error",
                500,
                "The request failed on our side. Incident id: " + incident);
    }
}
