package io.lotabots.audit.console;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/** The audit view's relative time ranges; each ends "now" at the moment the search runs. */
enum TimePreset {
    LAST_HOUR("1h", "Last hour", Duration.ofHours(1)),
    LAST_DAY("24h", "Last 24 hours", Duration.ofHours(24)),
    LAST_WEEK("7d", "Last 7 days", Duration.ofDays(7));

    private final String key;
    private final String label;
    private final Duration length;

    TimePreset(String key, String label, Duration length) {
        this.key = key;
        this.label = label;
        this.length = length;
    }

    /** The value of the {@code range} query parameter. */
    String key() {
        return key;
    }

    String label() {
        return label;
    }

    Instant start(Instant now) {
        return now.minus(length);
    }

    static Optional<TimePreset> ofKey(String key) {
        return Arrays.stream(values()).filter(p -> p.key.equals(key)).findFirst();
    }
}
