package io.lotabots.platform.console;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Offsets, which a lazy grid asks for, over cursor pages, which the boundaries serve: pages are read
 * one after the other only as far as the grid scrolls, and kept, so scrolling back reads nothing.
 *
 * @param <T> the items
 * @param <C> the cursor; {@code null} asks for the first page
 */
public final class CursorPages<T, C> {

    /** One page as a boundary returns it; {@code next} is null on the last. */
    public record Page<T, C>(List<T> items, C next) {}

    private final Function<C, Page<T, C>> source;
    private final List<T> loaded = new ArrayList<>();
    private C next;
    private boolean exhausted;

    public CursorPages(Function<C, Page<T, C>> source) {
        this.source = source;
    }

    public Stream<T> fetch(int offset, int limit) {
        while (loaded.size() < offset + limit && !exhausted) {
            Page<T, C> page = source.apply(next);
            loaded.addAll(page.items());
            next = page.next();
            exhausted = next == null || page.items().isEmpty();
        }
        int from = Math.min(offset, loaded.size());
        int to = Math.min(offset + limit, loaded.size());
        return List.copyOf(loaded.subList(from, to)).stream();
    }
}
