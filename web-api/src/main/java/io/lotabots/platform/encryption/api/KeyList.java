package io.lotabots.platform.encryption.api;

import io.lotabots.platform.encryption.KeyManagement.KekStatus;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The tenant's KEK versions, newest first. */
public record KeyList(List<Key> keys, int rotationDays, long dataKeysToRewrap) {

    /** One version; {@code dataKeys}: data keys it wraps now. */
    public record Key(int version, String provider, String state, Instant createdAt, long ageSeconds, long dataKeys) {}

    static KeyList of(List<KekStatus> status, String state, int rotationDays) {
        long toRewrap = status.stream()
                .filter(s -> s.state().equals("RETIRED"))
                .mapToLong(KekStatus::dataKeys)
                .sum();
        return new KeyList(
                status.stream()
                        .filter(s -> state == null || s.state().equals(state))
                        .sorted(Comparator.comparingInt(KekStatus::version).reversed())
                        .map(s -> new Key(
                                s.version(), s.provider(), s.state(), s.createdAt(), s.ageSeconds(), s.dataKeys()))
                        .toList(),
                rotationDays,
                toRewrap);
    }
}
