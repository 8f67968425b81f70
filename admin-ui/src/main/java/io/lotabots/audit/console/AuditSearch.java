package io.lotabots.audit.console;

import io.lotabots.audit.entity.Outcome;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The audit view's filters as the user set them, and as they are kept in the URL's query parameters
 * ({@code actor}, {@code action}, {@code outcome}, {@code range} = a {@link TimePreset} key, or
 * {@code from}/{@code to} as ISO-8601 instants), so a reload or a shared link shows the same events.
 * {@code actor} is a username or a user id.
 */
record AuditSearch(String actor, String action, Outcome outcome, TimePreset preset, Instant from, Instant to) {

    static final AuditSearch NONE = new AuditSearch(null, null, null, null, null, null);

    /** The search a URL names, with a message for each parameter that could not be read (and is ignored). */
    record Parsed(AuditSearch search, List<String> ignored) {}

    static Parsed fromParameters(Map<String, List<String>> parameters) {
        var ignored = new ArrayList<String>();
        Outcome outcome = null;
        String outcomeText = first(parameters, "outcome");
        if (outcomeText != null) {
            try {
                outcome = Outcome.valueOf(outcomeText);
            } catch (IllegalArgumentException unknown) {
                ignored.add("outcome");
            }
        }
        TimePreset preset = null;
        String range = first(parameters, "range");
        if (range != null) {
            preset = TimePreset.ofKey(range).orElse(null);
            if (preset == null) {
                ignored.add("range");
            }
        }
        Instant from = preset == null ? instant(parameters, "from", ignored) : null;
        Instant to = preset == null ? instant(parameters, "to", ignored) : null;
        return new Parsed(
                new AuditSearch(first(parameters, "actor"), first(parameters, "action"), outcome, preset, from, to),
                List.copyOf(ignored));
    }

    /** Only the filters that are set, in a fixed order. */
    Map<String, String> parameters() {
        var parameters = new LinkedHashMap<String, String>();
        putIfSet(parameters, "actor", actor);
        putIfSet(parameters, "action", action);
        putIfSet(parameters, "outcome", outcome == null ? null : outcome.name());
        if (preset != null) {
            parameters.put("range", preset.key());
        } else {
            putIfSet(parameters, "from", from == null ? null : from.toString());
            putIfSet(parameters, "to", to == null ? null : to.toString());
        }
        return parameters;
    }

    /**
     * The filter for the boundary at {@code now}: a preset becomes [now − length, now], an actor that
     * is not a user id is looked up as a username. Empty when no user has that name.
     */
    Optional<AuditFilter> resolve(Instant now, Function<String, Optional<UUID>> usernames) {
        String actorId = null;
        String name = blankToNull(actor);
        if (name != null) {
            Optional<UUID> id = isUuid(name) ? Optional.of(UUID.fromString(name)) : usernames.apply(name);
            if (id.isEmpty()) {
                return Optional.empty();
            }
            actorId = id.get().toString();
        }
        Instant start = preset == null ? from : preset.start(now);
        // the end is exclusive: one millisecond past "now" keeps an event of this very instant
        Instant end = preset == null ? to : now.plusMillis(1);
        return Optional.of(new AuditFilter(actorId, blankToNull(action), outcome, start, end));
    }

    private static boolean isUuid(String text) {
        try {
            UUID.fromString(text);
            return text.length() == 36;
        } catch (IllegalArgumentException notOne) {
            return false;
        }
    }

    private static Instant instant(Map<String, List<String>> parameters, String name, List<String> ignored) {
        String text = first(parameters, name);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException bad) {
            ignored.add(name);
            return null;
        }
    }

    private static String first(Map<String, List<String>> parameters, String name) {
        var values = parameters.get(name);
        return values == null || values.isEmpty() ? null : blankToNull(values.get(0));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static void putIfSet(Map<String, String> parameters, String name, String value) {
        if (value != null && !value.isBlank()) {
            parameters.put(name, value.trim());
        }
    }
}
