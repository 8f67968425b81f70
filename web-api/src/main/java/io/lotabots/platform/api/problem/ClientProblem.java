package io.lotabots.platform.api.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** A client error of a known kind, whose detail is safe and useful to show the caller. */
public class ClientProblem extends WebApplicationException {

    private final String slug;
    private final String title;

    public ClientProblem(int status, String slug, String title, String detail) {
        this(Response.status(status).build(), slug, title, detail);
    }

    private ClientProblem(Response response, String slug, String title, String detail) {
        super(detail, response);
        this.slug = slug;
        this.title = title;
    }

    /** A 401 for a token that is no longer good, with the RFC 6750 challenge. */
    public static ClientProblem invalidToken(String slug, String title, String detail) {
        var response = Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"")
                .build();
        return new ClientProblem(response, slug, title, detail);
    }

    public static ClientProblem notFound(String detail) {
        return new ClientProblem(404, "not-found", "Not found", detail);
    }

    Problem toProblem() {
        return new Problem(slug, title, getResponse().getStatus(), getMessage());
    }
}
