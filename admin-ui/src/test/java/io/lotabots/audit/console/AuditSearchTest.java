package io.lotabots.audit.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.audit.entity.Outcome;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditSearchTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private static final UUID ALICE = UUID.fromString("00000000-0000-0000-0000-00000000000a");

    private static Optional<UUID> directory(String name) {
        return name.equalsIgnoreCase("alice") ? Optional.of(ALICE) : Optional.empty();
    }

    @Test
    void urlParametersRoundTrip() {
        var search = new AuditSearch(
                "alice",
                "auth.login.*",
                Outcome.FAILURE,
                null,
                Instant.parse("2026-12-01T10:11:12Z"),
                Instant.parse("2026-12-02T00:00:00Z"));

        var parsed = AuditSearch.fromParameters(asLists(search.parameters()));

        assertEquals(search, parsed.search());
        assertTrue(parsed.ignored().isEmpty());
    }

    @Test
    void presetWinsOverFromAndTo() {
        var parsed =
                AuditSearch.fromParameters(Map.of("range", List.of("24h"), "from", List.of("2026-12-01T00:00:00Z")));

        assertEquals(TimePreset.LAST_DAY, parsed.search().preset());
        assertNull(parsed.search().from());
        assertEquals(Map.of("range", "24h"), parsed.search().parameters());
    }

    @Test
    void unreadableParametersAreNamedAndIgnored() {
        var parsed = AuditSearch.fromParameters(
                Map.of("outcome", List.of("MAYBE"), "from", List.of("yesterday"), "range", List.of("3w")));

        assertEquals(AuditSearch.NONE, parsed.search());
        assertEquals(List.of("outcome", "range", "from"), parsed.ignored());
    }

    @Test
    void presetResolvesToAFixedWindowEndingNow() {
        var filter = new AuditSearch(null, null, null, TimePreset.LAST_HOUR, null, null)
                .resolve(NOW, AuditSearchTest::directory)
                .orElseThrow();

        assertEquals(Instant.parse("2026-12-06T11:00:00Z"), filter.from());
        assertEquals(NOW.plusMillis(1), filter.to());
    }

    @Test
    void usernameResolvesToTheUserId() {
        var filter = new AuditSearch("Alice", null, null, null, null, null)
                .resolve(NOW, AuditSearchTest::directory)
                .orElseThrow();

        assertEquals(ALICE.toString(), filter.actor());
    }

    @Test
    void userIdIsTakenAsIs() {
        var id = UUID.randomUUID().toString();
        var filter = new AuditSearch(id, null, null, null, null, null)
                .resolve(NOW, name -> {
                    throw new AssertionError("an id is not looked up");
                })
                .orElseThrow();

        assertEquals(id, filter.actor());
    }

    @Test
    void unknownUsernameMatchesNothing() {
        assertTrue(new AuditSearch("mallory", null, null, null, null, null)
                .resolve(NOW, AuditSearchTest::directory)
                .isEmpty());
    }

    private static Map<String, List<String>> asLists(Map<String, String> parameters) {
        var lists = new java.util.HashMap<String, List<String>>();
        parameters.forEach((k, v) -> lists.put(k, List.of(v)));
        return lists;
    }
}
