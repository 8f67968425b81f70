package io.lotabots.platform.metrics;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * {@code tls_certificate_expiry_timestamp_seconds}: when the earliest certificate of the chain this
 * server's HTTPS listener presents expires (Unix time), read from the listener itself every hour, so it
 * is what clients see whichever key store is mounted. Absent (NaN) until the first successful read.
 * Behind a TLS-terminating proxy, watch the proxy's certificate there instead.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class TlsCertificateExpiry {

    private static final Duration REREAD_AFTER = Duration.ofHours(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Inject
    MetricRegistry metrics;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "lotabots.https.port", defaultValue = "9443")
    int httpsPort;

    @Inject
    @ConfigProperty(name = "lotabots.http.host", defaultValue = "*")
    String host;

    private volatile double expiresAt = Double.NaN;
    private volatile Instant readAt;

    @PostConstruct
    void register() {
        metrics.gauge(
                Metadata.builder()
                        .withName("tls.certificate.expiry.timestamp")
                        .withDescription("When the earliest certificate of the chain the HTTPS listener serves"
                                + " expires, in seconds since the epoch")
                        .withUnit(MetricUnits.SECONDS)
                        .build(),
                () -> expiresAt);
    }

    /** Every 30 s until a first read succeeds (the listener opens after the application), then hourly. */
    @Schedule(second = "*/30", minute = "*", hour = "*", persistent = false)
    void read() {
        var now = clock.instant();
        if (httpsPort <= 0 || (readAt != null && now.isBefore(readAt.plus(REREAD_AFTER)))) {
            return;
        }
        ServedCertificate.earliestExpiry(listenerHost(), httpsPort, TIMEOUT).ifPresent(expiry -> {
            expiresAt = expiry.getEpochSecond();
            readAt = now;
        });
    }

    private String listenerHost() {
        return host == null || host.isBlank() || "*".equals(host) || "0.0.0.0".equals(host) ? "127.0.0.1" : host;
    }
}
