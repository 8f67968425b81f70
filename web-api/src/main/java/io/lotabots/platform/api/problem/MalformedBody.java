package io.lotabots.platform.api.problem;

/** The body could not be read as JSON for the resource (empty, syntax error, wrong type for a field). */
public class MalformedBody extends ClientProblem {

    public MalformedBody() {
        super(
                400,
                "malformed-body",
                "Malformed request body",
                "The body is empty or not valid JSON for this resource.");
    }
}
