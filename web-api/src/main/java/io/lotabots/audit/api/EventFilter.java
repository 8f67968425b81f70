package io.lotabots.audit.api;

import io.lotabots.audit.boundary.AuditRecord;
import io.lotabots.audit.boundary.EventQuery;
import io.lotabots.audit.entity.Outcome;
import io.lotabots.platform.api.input.StorableInstants;
import io.lotabots.platform.paging.MalformedCursorException;
import io.lotabots.platform.paging.PageCursor;
import io.lotabots.platform.refusal.FieldProblem;
import io.lotabots.platform.refusal.Refusal;
import jakarta.ws.rs.QueryParam;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** The query parameters of the event list, checked one by one so every mistake is named at once. */
public class EventFilter {

    private static final Pattern ACTION_PREFIX = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*\\.\\*");

    @QueryParam("actor")
    @Parameter(description = "A user id, API key id, attempted username or system")
    String actor;

    @QueryParam("action")
    @Parameter(description = "An action, or a prefix ending in .*", example = "auth.login.*")
    String action;

    @QueryParam("targetType")
    @Parameter(description = "Type of the target", example = "user")
    String targetType;

    @QueryParam("targetId")
    @Parameter(description = "Id of the target; needs targetType")
    String targetId;

    @QueryParam("outcome")
    @Parameter(description = "SUCCESS, FAILURE or DENIED", example = "FAILURE")
    String outcome;

    @QueryParam("from")
    @Parameter(description = "Earliest time, inclusive (ISO-8601 UTC)", example = "2026-01-31T00:00:00Z")
    String from;

    @QueryParam("to")
    @Parameter(description = "Latest time, exclusive (ISO-8601 UTC)", example = "2026-02-01T00:00:00Z")
    String to;

    @QueryParam("cursor")
    @Parameter(description = "Opaque; from the next link of the previous page")
    String cursor;

    @QueryParam("limit")
    @Parameter(description = "Events per page, 1-200 (default 50)", example = "50")
    String limit;

    /** The query for the caller's tenant; 400 naming each invalid parameter. */
    EventQuery toQuery(UUID tenantId) {
        var errors = new ArrayList<FieldProblem>();
        var query = parse(tenantId, errors);
        if (!errors.isEmpty()) {
            throw Refusal.invalidInput(errors);
        }
        return query;
    }

    /** The query, or null with {@code errors} naming what is wrong. */
    EventQuery parse(UUID tenantId, List<FieldProblem> errors) {
        blanksAreAbsent();
        check(errors, "actor", actor == null || actor.length() <= 200, "at most 200 characters");
        check(
                errors,
                "action",
                action == null
                        || AuditRecord.ACTION.matcher(action).matches()
                        || ACTION_PREFIX.matcher(action).matches(),
                "a dotted action name such as auth.login.failed, or a prefix such as auth.login.*");
        check(errors, "targetType", targetType == null || targetType.length() <= 50, "at most 50 characters");
        check(errors, "targetId", targetId == null || targetId.length() <= 200, "at most 200 characters");
        check(errors, "targetId", targetId == null || targetType != null, "needs targetType");
        Outcome outcomeValue =
                parse(errors, "outcome", outcome, EventFilter::outcome, "one of SUCCESS, FAILURE, DENIED");
        Instant fromValue =
                parse(errors, "from", from, StorableInstants::parse, "an ISO-8601 UTC time " + StorableInstants.RANGE);
        Instant toValue =
                parse(errors, "to", to, StorableInstants::parse, "an ISO-8601 UTC time " + StorableInstants.RANGE);
        check(errors, "to", fromValue == null || toValue == null || fromValue.isBefore(toValue), "must be after from");
        Long before = parse(errors, "cursor", cursor, PageCursor::number, "a cursor from a next link");
        Integer limitValue =
                parse(errors, "limit", limit, Integer::valueOf, "a number from 1 to " + EventQuery.MAX_LIMIT);
        check(
                errors,
                "limit",
                limitValue == null || (limitValue >= 1 && limitValue <= EventQuery.MAX_LIMIT),
                "a number from 1 to " + EventQuery.MAX_LIMIT);
        if (!errors.isEmpty()) {
            return null;
        }
        return new EventQuery(
                tenantId,
                actor,
                action,
                targetType,
                targetId,
                outcomeValue,
                fromValue,
                toValue,
                before,
                limitValue == null ? EventQuery.DEFAULT_LIMIT : limitValue);
    }

    private void blanksAreAbsent() {
        actor = present(actor);
        action = present(action);
        targetType = present(targetType);
        targetId = present(targetId);
        outcome = present(outcome);
        from = present(from);
        to = present(to);
        cursor = present(cursor);
        limit = present(limit);
    }

    private static String present(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static Outcome outcome(String text) {
        return Arrays.stream(Outcome.values())
                .filter(o -> o.name().equals(text))
                .findFirst()
                .orElseThrow(IllegalArgumentException::new);
    }

    private static void check(List<FieldProblem> errors, String field, boolean valid, String message) {
        if (!valid && errors.stream().noneMatch(e -> e.field().equals(field))) {
            errors.add(new FieldProblem(field, message));
        }
    }

    private static <T> T parse(
            List<FieldProblem> errors,
            String field,
            String text,
            java.util.function.Function<String, T> parser,
            String message) {
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException | DateTimeParseException | MalformedCursorException e) {
            errors.add(new FieldProblem(field, message));
            return null;
        }
    }
}
