package io.lotabots.platform.paging;

import java.util.List;
import java.util.function.Function;

/** One page of a list and the cursor of the next page (null on the last page). */
public record Page<T>(List<T> items, String nextCursor) {

    public Page {
        items = List.copyOf(items);
    }

    /** A page from up to {@code limit + 1} rows: the extra row only proves that there is a next page. */
    public static <R, T> Page<T> of(List<R> rows, int limit, Function<R, T> view, Function<R, String> cursor) {
        boolean more = rows.size() > limit;
        var shown = more ? rows.subList(0, limit) : rows;
        return new Page<>(shown.stream().map(view).toList(), more ? cursor.apply(shown.get(shown.size() - 1)) : null);
    }
}
