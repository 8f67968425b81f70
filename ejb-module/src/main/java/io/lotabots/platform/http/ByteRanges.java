package io.lotabots.platform.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An HTTP {@code Range} header (RFC 9110 §14.1.2) resolved against a representation's length: the
 * satisfiable byte ranges, in the order asked. A header that is not a bytes range is ignored (the whole is
 * sent); one whose ranges all lie beyond the end is unsatisfiable (416).
 */
public final class ByteRanges {

    /** At most this many ranges per request: more is how range-based amplification attacks look. */
    public static final int MAX_RANGES = 16;

    /** Bytes {@code [start, endExclusive)}. */
    public record Range(long start, long endExclusive) {
        public long length() {
            return endExclusive - start;
        }

        /** The Content-Range value of this range of a {@code total}-byte representation. */
        public String contentRange(long total) {
            return "bytes " + start + "-" + (endExclusive - 1) + "/" + total;
        }
    }

    /** What a Range header asks of a representation. */
    public sealed interface Outcome {}

    /** Send the whole representation (no header, or one this server ignores). */
    public record Whole() implements Outcome {}

    /** Send these ranges. */
    public record Partial(List<Range> ranges) implements Outcome {}

    /** No range lies within the representation: 416 with {@code Content-Range: bytes *}/length. */
    public record Unsatisfiable() implements Outcome {}

    private ByteRanges() {}

    public static Outcome resolve(String header, long length) {
        if (header == null || header.isBlank()) {
            return new Whole();
        }
        String value = header.strip();
        if (!value.regionMatches(true, 0, "bytes=", 0, 6)) {
            return new Whole();
        }
        String[] specs = value.substring(6).split(",", -1);
        if (specs.length > MAX_RANGES) {
            return new Whole();
        }
        var ranges = new ArrayList<Range>();
        for (String spec : specs) {
            var parsed = parse(spec.strip());
            if (parsed.isEmpty()) {
                return new Whole();
            }
            long first = parsed.get()[0];
            long last = parsed.get()[1];
            if (first < 0) { // suffix: the last -first - 1 bytes
                long suffix = -first - 1;
                if (suffix > 0 && length > 0) {
                    ranges.add(new Range(Math.max(0, length - suffix), length));
                }
            } else if (first < length) {
                ranges.add(new Range(first, last < 0 || last >= length ? length : last + 1));
            }
        }
        return ranges.isEmpty() ? new Unsatisfiable() : new Partial(List.copyOf(ranges));
    }

    /** {first, last} with last -1 for open-ended, or {-suffix - 1, -1}; empty when malformed. */
    private static Optional<long[]> parse(String spec) {
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return Optional.empty();
        }
        String from = spec.substring(0, dash).strip();
        String to = spec.substring(dash + 1).strip();
        try {
            if (from.isEmpty()) {
                if (!digits(to)) {
                    return Optional.empty();
                }
                return Optional.of(new long[] {-Long.parseLong(to) - 1, -1});
            }
            if (!digits(from) || (!to.isEmpty() && !digits(to))) {
                return Optional.empty();
            }
            long first = Long.parseLong(from);
            long last = to.isEmpty() ? -1 : Long.parseLong(to);
            if (last >= 0 && last < first) {
                return Optional.empty();
            }
            return Optional.of(new long[] {first, last});
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static boolean digits(String s) {
        return !s.isEmpty() && s.length() <= 18 && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
