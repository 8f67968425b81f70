package io.lotabots.platform.encryption;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;

/**
 * Rotates tenants' KEKs when due ({@code lotabots.encryption.kek-rotation-days}, 90) and finishes re-wraps
 * and destructions; a persistent timer, so one server of the cluster does it. Publishes {@code
 * encryption_kek_oldest_age_seconds} (the oldest current KEK) and {@code encryption_data_keys_to_rewrap}
 * (data keys still under a retired version), read from the database when scraped.
 */
@Singleton
@Startup
public class KekRotationTimer {

    @Inject
    KeyManagement keys;

    @Inject
    MetricRegistry metrics;

    @PostConstruct
    void gauges() {
        metrics.gauge(
                Metadata.builder()
                        .withName("encryption.kek.oldest.age")
                        .withDescription("Age of the oldest current tenant key-encryption key")
                        .withUnit(MetricUnits.SECONDS)
                        .build(),
                keys,
                k -> k.status(null).stream()
                        .filter(s -> s.state().equals("CURRENT"))
                        .mapToLong(KeyManagement.KekStatus::ageSeconds)
                        .max()
                        .orElse(0));
        metrics.gauge(
                Metadata.builder()
                        .withName("encryption.data.keys.to.rewrap")
                        .withDescription("Data keys still wrapped under a retired key-encryption key")
                        .build(),
                keys,
                k -> k.status(null).stream()
                        .filter(s -> s.state().equals("RETIRED"))
                        .mapToLong(KeyManagement.KekStatus::dataKeys)
                        .sum());
    }

    @Schedule(hour = "*", minute = "41", persistent = true, info = "tenant KEK rotation")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void rotateDue() {
        keys.rotateDue();
    }
}
