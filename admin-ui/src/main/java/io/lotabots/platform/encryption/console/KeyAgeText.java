package io.lotabots.platform.encryption.console;

import io.lotabots.platform.encryption.KeyManagement.KekStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Key ages and the next rotation as administrators read them. */
final class KeyAgeText {

    private KeyAgeText() {}

    /** {@code 93784} → "1 d 2 h 3 min"; under a minute → "45 s". */
    static String age(long seconds) {
        var age = Duration.ofSeconds(Math.max(0, seconds));
        if (age.toMinutes() == 0) {
            return age.toSeconds() + " s";
        }
        var text = new StringBuilder();
        if (age.toDays() > 0) {
            text.append(age.toDays()).append(" d ");
        }
        if (age.toHoursPart() > 0 || age.toDays() > 0) {
            text.append(age.toHoursPart()).append(" h ");
        }
        return text.append(age.toMinutesPart()).append(" min").toString();
    }

    /** When the current version falls due for rotation: its creation plus the rotation period; empty without one. */
    static Optional<Instant> due(List<KekStatus> versions, int rotationDays) {
        return versions.stream()
                .filter(v -> v.state().equals("CURRENT"))
                .map(v -> v.createdAt().plus(Duration.ofDays(rotationDays)))
                .findFirst();
    }

    /** Data keys still wrapped under a retired version: the re-wrap work left. */
    static long toRewrap(List<KekStatus> versions) {
        return versions.stream()
                .filter(v -> v.state().equals("RETIRED"))
                .mapToLong(KekStatus::dataKeys)
                .sum();
    }
}
