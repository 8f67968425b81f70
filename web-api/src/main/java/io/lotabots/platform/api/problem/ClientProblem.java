package io.lotabots.platform.api.problem;

import jakarta.ws.rs.WebApplicationException;

/** A client error whose message is safe, and useful, to show the caller as the problem's detail. */
public class ClientProblem extends WebApplicationException {

    public ClientProblem(int status, String detail) {
        super(detail, status);
    }
}
