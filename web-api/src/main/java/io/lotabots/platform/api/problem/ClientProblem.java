package io.lotabots.platform.api.problem;

import jakarta.ws.rs.WebApplicationException;

/** A client error of a known kind, whose detail is safe and useful to show the caller. */
public class ClientProblem extends WebApplicationException {

    private final String slug;
    private final String title;

    public ClientProblem(int status, String slug, String title, String detail) {
        super(detail, status);
        this.slug = slug;
        this.title = title;
    }

    public static ClientProblem notFound(String detail) {
        return new ClientProblem(404, "not-found", "Not found", detail);
    }

    Problem toProblem() {
        return new Problem(slug, title, getResponse().getStatus(), getMessage());
    }
}
