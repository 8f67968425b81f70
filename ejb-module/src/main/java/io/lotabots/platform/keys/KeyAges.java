package io.lotabots.platform.keys;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;

/**
 * {@code signing_key_age_seconds{key,rotating}}: how old the newest key of each key file is ({@code
 * key}: {@code access-token-keys} for the primary file, whose ring rotates, else the file's name), so an
 * alert sees a rotation that did not happen. A file is decrypted again only when it changed on disk.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class KeyAges {

    private static final Logger LOG = Logger.getLogger(KeyAges.class.getName());
    private static final Metadata AGE = Metadata.builder()
            .withName("signing.key.age")
            .withDescription("Age of the newest key in a key file (rotating=true: the access-token ring that"
                    + " rotates on schedule)")
            .withUnit(MetricUnits.SECONDS)
            .build();

    @Inject
    KeyFiles files;

    @Inject
    MetricRegistry metrics;

    @Inject
    Clock clock;

    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    @PostConstruct
    void start() {
        look();
    }

    @Schedule(minute = "*", hour = "*", persistent = false)
    void look() {
        try {
            files.present().forEach(this::look);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Cannot list the key files", e);
        }
    }

    private void look(String name, KeyFile file) {
        try {
            long modified = file.lastModified();
            var before = seen.get(name);
            if (modified == 0 || (before != null && before.modified() == modified)) {
                return;
            }
            var newest = file.read().flatMap(KeyAges::newestIssue);
            seen.put(name, new Seen(modified, newest.orElse(null)));
            if (before == null) {
                metrics.gauge(
                        AGE,
                        () -> age(name),
                        new Tag("key", name),
                        new Tag("rotating", Boolean.toString(KeyFiles.PRIMARY.equals(name))));
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "Cannot read key file " + name + " for its age", e);
        }
    }

    /** Each key file's name and the issue time of its newest key, as the gauge reports them; sorted by name. */
    public Map<String, Instant> newestKeys() {
        var newest = new java.util.TreeMap<String, Instant>();
        seen.forEach((name, known) -> {
            if (known.newest() != null) {
                newest.put(name, known.newest());
            }
        });
        return newest;
    }

    private double age(String name) {
        var known = seen.get(name);
        return known == null || known.newest() == null
                ? Double.NaN
                : (clock.millis() - known.newest().toEpochMilli()) / 1000.0;
    }

    static Optional<Instant> newestIssue(JWKSet set) {
        return set.getKeys().stream()
                .map(JWK::getIssueTime)
                .filter(Objects::nonNull)
                .map(Date::toInstant)
                .max(Instant::compareTo);
    }

    private record Seen(long modified, Instant newest) {}
}
