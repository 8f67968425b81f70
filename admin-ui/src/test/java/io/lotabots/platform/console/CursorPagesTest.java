package io.lotabots.platform.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CursorPagesTest {

    /** 25 numbers served 10 to a page; the cursor is the last number served. */
    private final List<Integer> cursorsAsked = new ArrayList<>();

    private final CursorPages<Integer, Integer> pages = new CursorPages<>(after -> {
        cursorsAsked.add(after);
        int start = after == null ? 0 : after + 1;
        var items = IntStream.range(start, Math.min(start + 10, 25)).boxed().toList();
        Integer next = start + 10 < 25 ? items.get(items.size() - 1) : null;
        return new CursorPages.Page<>(items, next);
    });

    @Test
    void readsOnlyAsManyPagesAsTheGridScrolls() {
        assertEquals(List.of(0, 1, 2, 3, 4), pages.fetch(0, 5).toList());
        assertEquals(java.util.Collections.singletonList(null), cursorsAsked);

        assertEquals(List.of(8, 9, 10, 11), pages.fetch(8, 4).toList());
        assertEquals(java.util.Arrays.asList(null, 9), cursorsAsked);
    }

    @Test
    void stopsAtTheLastPage() {
        assertEquals(List.of(20, 21, 22, 23, 24), pages.fetch(20, 50).toList());
        assertEquals(List.of(), pages.fetch(30, 10).toList());
        assertEquals(3, cursorsAsked.size(), "the last page was not asked for twice");
    }

    @Test
    void scrollingBackReadsNothingAgain() {
        pages.fetch(0, 20);
        int asked = cursorsAsked.size();

        assertEquals(List.of(0, 1), pages.fetch(0, 2).toList());
        assertEquals(asked, cursorsAsked.size());
    }
}
