package io.lotabots.identity.api;

import io.lotabots.platform.api.problem.ClientProblem;

/** A token request that is malformed before any client is looked at (RFC 6749 §5.2, 400). */
class InvalidTokenRequestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String slug;

    InvalidTokenRequestException(String slug, String detail) {
        super(detail);
        this.slug = slug;
    }

    String slug() {
        return slug;
    }

    ClientProblem toProblem() {
        return new ClientProblem(400, slug, "Invalid token request", getMessage());
    }
}
