package io.lotabots.platform.api.problem;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** A client error of a known kind, whose detail is safe and useful to show the caller. */
public class ClientProblem extends WebApplicationException {

    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ClientProblem(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, List.of());
    }

    /** A problem that names each invalid input field (query parameters, for instance). */
    public ClientProblem(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        this(Response.status(status).build(), slug, title, detail, errors);
    }

    private ClientProblem(
            Response response, String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail, response);
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** 400 for invalid input fields, in the same shape as Bean Validation failures. */
    public static ClientProblem invalidFields(List<Problem.FieldError> errors) {
        return new ClientProblem(
                400,
                "validation",
                "Invalid request",
                "The request has " + errors.size() + " invalid field(s).",
                errors);
    }

    /** A 401 for a token that is no longer good, with the RFC 6750 challenge. */
    public static ClientProblem invalidToken(String slug, String title, String detail) {
        var response = Response.status(401)
                .header(
                        HttpHeaders.WWW_AUTHENTICATE,
                        "Bearer realm=\"lotabots\", error=\"invalid_token\", error_description=\""
                                + detail.replace("\"", "'") + "\"")
                .build();
        return new ClientProblem(response, slug, title, detail, List.of());
    }

    /** A 401 for a request without credentials to an endpoint that needs them (RFC 6750 §3.1: no error code). */
    public static ClientProblem authenticationRequired() {
        var response = Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"lotabots\"")
                .build();
        return new ClientProblem(
                response,
                "unauthorized",
                "Authentication required",
                "A valid access token is required (Authorization: Bearer …).",
                List.of());
    }

    public static ClientProblem notFound(String detail) {
        return new ClientProblem(404, "not-found", "Not found", detail);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    Problem toProblem() {
        return new Problem(slug, title, getResponse().getStatus(), getMessage(), errors);
    }
}
