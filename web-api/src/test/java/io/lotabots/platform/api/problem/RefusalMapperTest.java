package io.lotabots.platform.api.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.lotabots.platform.json.Json;
import io.lotabots.platform.refusal.FieldProblem;
import io.lotabots.platform.refusal.Refusal;
import io.lotabots.platform.refusal.Refusal.Kind;
import java.time.Duration;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RefusalMapperTest {

    private static final String USERS = "/api/v1/identity/users";

    @Test
    void everyKindHasItsStatus() {
        var expected = new EnumMap<Kind, Integer>(Kind.class);
        expected.put(Kind.INVALID_INPUT, 400);
        expected.put(Kind.UNAUTHENTICATED, 401);
        expected.put(Kind.INVALID_CREDENTIALS, 401);
        expected.put(Kind.INVALID_CLIENT, 401);
        expected.put(Kind.INVALID_TOKEN, 401);
        expected.put(Kind.FORBIDDEN, 403);
        expected.put(Kind.NOT_FOUND, 404);
        expected.put(Kind.CONFLICT, 409);
        expected.put(Kind.QUOTA_EXCEEDED, 409);
        expected.put(Kind.STALE_VERSION, 412);
        expected.put(Kind.PRECONDITION_REQUIRED, 428);
        expected.put(Kind.TOO_LARGE, 413);
        expected.put(Kind.UNSUPPORTED_MEDIA_TYPE, 415);
        expected.put(Kind.UNPROCESSABLE, 422);
        expected.put(Kind.RATE_LIMITED, 429);
        expected.put(Kind.GONE, 410);

        assertEquals(EnumSet.allOf(Kind.class), expected.keySet(), "a status for every kind");
        expected.forEach((kind, status) -> {
            assertEquals(status, RefusalMapper.status(kind), kind.name());
            var problem = RefusalMapper.problem(Refusal.of(kind, "some-problem", "Some problem", "Detail."));
            assertEquals(status, problem.status(), kind + " in the document");
        });
    }

    @Test
    void aRefusalIsTheSameDocumentAsBefore() {
        var refused = Refusal.of(
                Kind.CONFLICT, "username-taken", "Username taken", "The tenant already has a user named 'ada'.");

        assertEquals(
                "{\"type\":\"https://lotabots.io/problems/username-taken\",\"title\":\"Username taken\","
                        + "\"status\":409,\"detail\":\"The tenant already has a user named 'ada'.\","
                        + "\"instance\":\"" + USERS + "\"}",
                RefusalMapper.problem(refused).toJson(USERS).toString());
    }

    @Test
    void everyFieldProblemIsListedInErrorsInItsOrder() {
        var refused = Refusal.invalidInput(List.of(
                new FieldProblem("username", "is required"), new FieldProblem("roles", "must name at least one role")));

        assertEquals(
                "{\"type\":\"https://lotabots.io/problems/validation\",\"title\":\"Invalid request\","
                        + "\"status\":400,\"detail\":\"The request has 2 invalid field(s).\","
                        + "\"instance\":\"" + USERS + "\",\"errors\":["
                        + "{\"field\":\"username\",\"message\":\"is required\"},"
                        + "{\"field\":\"roles\",\"message\":\"must name at least one role\"}]}",
                RefusalMapper.problem(refused).toJson(USERS).toString());
    }

    @Test
    void aRefusalWithoutFieldProblemsHasNoErrorsMember() {
        var json = RefusalMapper.problem(Refusal.notFound("No user 7.")).toJson(USERS);

        assertFalse(json.containsKey("errors"));
        assertEquals(404, json.getInt("status"));
    }

    @Test
    void extensionMembersFollowTheStandardOnesInTheirOrder() {
        var refused = Refusal.builder(Kind.QUOTA_EXCEEDED, "quota-exceeded", "Quota exceeded")
                .detail("The tenant stores 10 of its 10 models.")
                .member("quota", Json.createValue("stored-models"))
                .member("usage", Json.createObjectBuilder().add("n", 10).build().get("n"))
                .build();

        var json = RefusalMapper.problem(refused).toJson(null);

        assertEquals(List.of("type", "title", "status", "detail", "quota", "usage"), List.copyOf(json.keySet()));
        assertEquals("stored-models", json.getString("quota"));
        assertEquals(10, json.getInt("usage"));
        assertEquals(409, json.getInt("status"));
    }

    @Test
    void aStaleVersionCarriesTheCurrentEtag() {
        var headers = RefusalMapper.headers(Refusal.staleVersion("Changed.", 4));

        assertEquals(Map.of("ETag", "\"4\""), headers);
    }

    @Test
    void aRateLimitSaysWhenToRetry() {
        var refused = Refusal.builder(Kind.RATE_LIMITED, "rate-limited", "Too many requests")
                .detail("Retry after 7 seconds.")
                .retryAfter(Duration.ofSeconds(7))
                .build();

        assertEquals(Map.of("Retry-After", "7"), RefusalMapper.headers(refused));
        assertEquals(429, RefusalMapper.problem(refused).status());
    }

    @Test
    void each401ChallengesForTheCredentialsItWants() {
        assertEquals(
                Map.of("WWW-Authenticate", "Bearer realm=\"lotabots\""),
                RefusalMapper.headers(
                        Refusal.of(Kind.UNAUTHENTICATED, "unauthorized", "Authentication required", "x")));
        assertEquals(
                Map.of(
                        "WWW-Authenticate",
                        "Bearer realm=\"lotabots\", error=\"invalid_token\", error_description=\"the 'exp' has passed\""),
                RefusalMapper.headers(Refusal.of(
                        Kind.INVALID_TOKEN, "invalid-token", "Invalid access token", "the \"exp\" has passed")));
        assertEquals(
                Map.of("WWW-Authenticate", "Basic realm=\"lotabots\""),
                RefusalMapper.headers(Refusal.of(Kind.INVALID_CLIENT, "invalid-client", "Invalid client", "x")));
        assertEquals(
                Map.of(),
                RefusalMapper.headers(
                        Refusal.of(Kind.INVALID_CREDENTIALS, "invalid-grant", "Invalid refresh token", "x")),
                "a refused refresh token is no HTTP authentication");
    }

    @Test
    void otherKindsHaveNoHeaders() {
        for (Kind kind :
                EnumSet.of(Kind.INVALID_INPUT, Kind.FORBIDDEN, Kind.NOT_FOUND, Kind.CONFLICT, Kind.TOO_LARGE)) {
            assertEquals(Map.of(), RefusalMapper.headers(Refusal.of(kind, "p", "P", "x")), kind.name());
        }
    }

    @Test
    void findsARefusalThatJaxRsOrALibraryWrapped() {
        var refused = Refusal.invalidField("limit", "must be a whole number");

        assertSame(refused, RefusalMapper.findIn(new IllegalStateException(new RuntimeException(refused))));
        assertSame(refused, RefusalMapper.findIn(refused));
        assertNull(RefusalMapper.findIn(new IllegalStateException("no refusal")));
        assertNull(RefusalMapper.findIn(null));
    }
}
