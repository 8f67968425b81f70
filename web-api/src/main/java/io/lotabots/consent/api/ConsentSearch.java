package io.lotabots.consent.api;

import io.lotabots.consent.boundary.ConsentFilter;
import io.lotabots.platform.api.input.StorableInstants;
import io.lotabots.platform.refusal.FieldProblem;
import io.lotabots.platform.refusal.Refusal;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** An officer's search over consent states or records; an invalid time is named in the 400. */
public class ConsentSearch {

    @QueryParam("subject")
    @Parameter(description = "One data subject")
    String subject;

    @QueryParam("purpose")
    @Parameter(description = "One purpose's code")
    String purpose;

    @QueryParam("state")
    @Parameter(description = "granted or withdrawn")
    String state;

    @QueryParam("from")
    @Parameter(description = "Changed at or after (ISO-8601 UTC)", example = "2026-01-31T00:00:00Z")
    String from;

    @QueryParam("to")
    @Parameter(description = "Changed before (ISO-8601 UTC)")
    String to;

    ConsentFilter toFilter() {
        List<FieldProblem> problems = new ArrayList<>();
        Instant start = time("from", from, problems);
        Instant end = time("to", to, problems);
        if (!problems.isEmpty()) {
            throw Refusal.invalidInput(problems);
        }
        return new ConsentFilter(blankToNull(subject), blankToNull(purpose), blankToNull(state), start, end);
    }

    /** The filter confined to one subject, whatever the query named. */
    ConsentFilter toFilterOf(String ownSubject) {
        var filter = toFilter();
        return new ConsentFilter(ownSubject, filter.purpose(), filter.state(), filter.from(), filter.to());
    }

    private static Instant time(String name, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return StorableInstants.parse(value.strip());
        } catch (RuntimeException e) {
            problems.add(new FieldProblem(name, "An ISO-8601 UTC time " + StorableInstants.RANGE + "."));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
