package io.lotabots.document.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.document.boundary.DocumentSort;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DocumentSearchTest {

    private static Map<String, List<String>> asLists(Map<String, String> parameters) {
        return parameters.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
    }

    @Test
    void urlParametersRoundTrip() {
        var search = new DocumentSearch(
                "SOC 2", "audit", Instant.parse("2026-12-01T10:11:12Z"), Instant.parse("2026-12-02T00:00:00Z"));

        var parsed = DocumentSearch.fromParameters(asLists(search.parameters()));

        assertEquals(search, parsed.search());
        assertTrue(parsed.ignored().isEmpty());
    }

    @Test
    void blankFiltersAreNoFiltersAndLeaveTheUrlEmpty() {
        var search = new DocumentSearch("  ", "", null, null);

        assertEquals(DocumentSearch.NONE, search);
        assertTrue(search.parameters().isEmpty());
    }

    @Test
    void unreadableParametersAreIgnoredAndNamed() {
        var parsed = DocumentSearch.fromParameters(Map.of(
                "title", List.of("bad\u0007title"),
                "tag", List.of("ok"),
                "from", List.of("yesterday"),
                "before", List.of("2026-12-02T00:00:00Z")));

        assertEquals(new DocumentSearch(null, "ok", null, Instant.parse("2026-12-02T00:00:00Z")), parsed.search());
        assertEquals(List.of("title", "from"), parsed.ignored());
    }

    @Test
    void aRangeEndingBeforeItStartsDropsItsEnd() {
        var parsed = DocumentSearch.fromParameters(Map.of(
                "from", List.of("2026-12-02T00:00:00Z"),
                "before", List.of("2026-12-01T00:00:00Z")));

        assertNull(parsed.search().before());
        assertEquals(List.of("before"), parsed.ignored());
    }

    @Test
    void theQueryIsTheApisListNewestFirst() {
        var query = new DocumentSearch("SOC", "audit", null, null).query("cursor-1", 50);

        assertEquals("SOC", query.titlePrefix());
        assertEquals("audit", query.tag());
        assertNull(query.attributes());
        assertEquals(DocumentSort.NEWEST, query.sort());
        assertEquals("cursor-1", query.cursor());
        assertEquals(50, query.limit());
    }
}
