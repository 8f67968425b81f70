package io.lotabots.retention.boundary;

import io.lotabots.retention.entity.RetentionRun;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** One tenant's purge run: when, how many objects it removed per data class, how many a hold kept. */
public record PurgeRunView(UUID id, Instant startedAt, Instant finishedAt, Map<String, Integer> purged, int held) {

    static PurgeRunView of(RetentionRun run) {
        var purged = new LinkedHashMap<String, Integer>();
        run.purged().forEach((dataClass, count) -> purged.put(dataClass, ((jakarta.json.JsonNumber) count).intValue()));
        return new PurgeRunView(run.id(), run.startedAt(), run.finishedAt(), purged, run.held());
    }

    public int total() {
        return purged.values().stream().mapToInt(Integer::intValue).sum();
    }
}
