package io.lotabots.attestation.api;

import io.lotabots.attestation.boundary.AttestationQuery;
import io.lotabots.attestation.boundary.ReviewState;
import io.lotabots.attestation.entity.AttestationStatus;
import io.lotabots.attestation.entity.AttestationType;
import io.lotabots.attestation.entity.Verdict;
import io.lotabots.platform.api.input.StorableInstants;
import io.lotabots.platform.paging.MalformedCursorException;
import io.lotabots.platform.paging.TimeIdCursor;
import io.lotabots.platform.refusal.FieldProblem;
import io.lotabots.platform.refusal.Refusal;
import jakarta.ws.rs.QueryParam;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/** The list's query parameters; every invalid one is named in a single 400. */
public class AttestationFilter {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 200;

    @QueryParam("type")
    String type;

    @QueryParam("status")
    String status;

    @QueryParam("verdict")
    String verdict;

    @QueryParam("deviceId")
    String deviceId;

    @QueryParam("from")
    String from;

    @QueryParam("to")
    String to;

    @QueryParam("policy")
    String policy;

    @QueryParam("review")
    String review;

    @QueryParam("limit")
    String limit;

    @QueryParam("cursor")
    String cursor;

    AttestationQuery toQuery(UUID tenantId) {
        List<FieldProblem> errors = new ArrayList<>();
        var query = new AttestationQuery(
                tenantId,
                parse("type", type, v -> AttestationType.valueOf(v.toUpperCase(Locale.ROOT)), errors),
                parse("status", status, v -> AttestationStatus.valueOf(v.toUpperCase(Locale.ROOT)), errors),
                parse("verdict", verdict, v -> Verdict.valueOf(v.toUpperCase(Locale.ROOT)), errors),
                parse("deviceId", deviceId, UUID::fromString, errors),
                parse("from", from, StorableInstants::parse, errors),
                parse("to", to, StorableInstants::parse, errors),
                parse("policy", policy, AttestationFilter::policyName, errors),
                parse("review", review, ReviewState::ofKey, errors),
                limit(errors),
                parse("cursor", cursor, TimeIdCursor::of, errors));
        if (!errors.isEmpty()) {
            throw Refusal.invalidInput(errors);
        }
        return query;
    }

    /** A policy name as policies are named: at most 100 characters, no control characters. */
    private static String policyName(String name) {
        if (name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("not a policy name");
        }
        return name;
    }

    private int limit(List<FieldProblem> errors) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        try {
            int n = Integer.parseInt(limit);
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldProblem("limit", "must be 1 to " + MAX_LIMIT));
        return DEFAULT_LIMIT;
    }

    private static <T> T parse(String name, String value, Function<String, T> parser, List<FieldProblem> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return parser.apply(value.strip());
        } catch (IllegalArgumentException | DateTimeParseException | MalformedCursorException e) {
            errors.add(new FieldProblem(name, "is not a valid " + name + ": " + value));
            return null;
        }
    }
}
