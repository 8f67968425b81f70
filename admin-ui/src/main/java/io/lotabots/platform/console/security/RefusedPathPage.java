package io.lotabots.platform.console.security;

import io.lotabots.platform.json.Json;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * The console's error page for 400 (web.xml): Liberty refuses an encoded slash, dot or backslash in
 * the path before the console runs; the answer is the API's problem+json naming the path, without
 * Liberty's message.
 */
@WebServlet(urlPatterns = "/problem-error")
public class RefusedPathPage extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        var problem = Json.createObjectBuilder()
                .add("type", "https://lotabots.io/problems/malformed-path")
                .add("title", "Malformed request path")
                .add("status", 400)
                .add("detail", "The request could not be read; its path may hold a character this server refuses.")
                .add("instance", uri == null ? "" : uri.toString())
                .add(
                        "errors",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("field", "path")
                                        .add(
                                                "message",
                                                "must not contain an encoded '/', '.' or '\\', or a backslash")))
                .build();
        if (!response.isCommitted()) {
            response.resetBuffer();
        }
        response.setStatus(400);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(problem.toString());
    }
}
