package io.lotabots.platform.api.problem;

import io.lotabots.platform.refusal.Refusal;
import io.lotabots.platform.refusal.Refusal.Kind;

/** The body could not be read as JSON for the resource (empty, syntax error, wrong type for a field). */
public final class MalformedBody {

    private MalformedBody() {}

    public static Refusal refusal() {
        return Refusal.of(
                Kind.INVALID_INPUT,
                "malformed-body",
                "Malformed request body",
                "The body is empty or not valid JSON for this resource.");
    }
}
