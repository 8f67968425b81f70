package io.lotabots.document.console;

import io.lotabots.document.boundary.DocumentQuery;
import io.lotabots.document.boundary.DocumentSort;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Documents view's filters as they live in the URL ({@code title}, {@code tag}, {@code from}, {@code
 * before}: ISO-8601 instants), so a reload or a shared link shows the same documents. Blank means no filter.
 */
record DocumentSearch(String titlePrefix, String tag, Instant from, Instant before) {

    static final DocumentSearch NONE = new DocumentSearch(null, null, null, null);

    /** What the URL said, and the names of the parameters that could not be read. */
    record Parsed(DocumentSearch search, List<String> ignored) {}

    DocumentSearch {
        titlePrefix = blankToNull(titlePrefix);
        tag = blankToNull(tag);
    }

    static Parsed fromParameters(Map<String, List<String>> parameters) {
        var ignored = new ArrayList<String>();
        String title = text(parameters, "title", ignored);
        String tag = text(parameters, "tag", ignored);
        Instant from = instant(parameters, "from", ignored);
        Instant before = instant(parameters, "before", ignored);
        if (from != null && before != null && !from.isBefore(before)) {
            ignored.add("before");
            before = null;
        }
        return new Parsed(new DocumentSearch(title, tag, from, before), List.copyOf(ignored));
    }

    Map<String, String> parameters() {
        var parameters = new LinkedHashMap<String, String>();
        if (titlePrefix != null) {
            parameters.put("title", titlePrefix);
        }
        if (tag != null) {
            parameters.put("tag", tag);
        }
        if (from != null) {
            parameters.put("from", from.toString());
        }
        if (before != null) {
            parameters.put("before", before.toString());
        }
        return parameters;
    }

    /** The page of the boundary's list this search reads, newest first. */
    DocumentQuery query(String cursor, int limit) {
        return new DocumentQuery(tag, null, from, before, titlePrefix, DocumentSort.NEWEST, cursor, limit);
    }

    /** A filter value as the API accepts it: text without control characters; null when blank. */
    static boolean readable(String value) {
        return value == null || value.chars().noneMatch(c -> c < 0x20 || c == 0x7f);
    }

    private static String text(Map<String, List<String>> parameters, String name, List<String> ignored) {
        String value = first(parameters, name);
        if (value == null || readable(value) && value.length() <= 300) {
            return value;
        }
        ignored.add(name);
        return null;
    }

    private static Instant instant(Map<String, List<String>> parameters, String name, List<String> ignored) {
        String value = first(parameters, name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            ignored.add(name);
            return null;
        }
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        var values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
