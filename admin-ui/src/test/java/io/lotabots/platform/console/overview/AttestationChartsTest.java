package io.lotabots.platform.console.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.attestation.boundary.AttestationStats;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttestationChartsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 6);

    private static AttestationStats stats() {
        var hardware = new AttestationStats.DayCounts(DAY, 4, 3, 1, 0, 0);
        var model = new AttestationStats.DayCounts(DAY, 0, 0, 0, 0, 0);
        return new AttestationStats(
                Instant.parse("2026-12-06T00:00:00Z"),
                Instant.parse("2026-12-06T12:00:00Z"),
                1,
                List.of(
                        new AttestationStats.TypeSeries("HARDWARE", hardware, List.of(hardware)),
                        new AttestationStats.TypeSeries("MODEL", model, List.of(model))),
                new AttestationStats.ReviewQueue(1, 2, 3));
    }

    private static String decoded(String dataUri) {
        String prefix = "data:image/svg+xml;base64,";
        assertTrue(dataUri.startsWith(prefix), dataUri.substring(0, 40));
        return new String(Base64.getDecoder().decode(dataUri.substring(prefix.length())), StandardCharsets.UTF_8);
    }

    @Test
    void volumeIsAnSvgWithOneLegendEntryPerType() {
        String svg = decoded(AttestationCharts.volume(stats()));

        assertTrue(svg.contains("<svg"), svg.substring(0, 100));
        assertTrue(svg.contains("HARDWARE") && svg.contains("MODEL"), "legend names both types");
        assertTrue(svg.contains("Attestations per day"), "titled");
    }

    @Test
    void successRateDrawsADayWithoutFinishedOnesAsAGap() {
        String svg = decoded(AttestationCharts.successRate(stats()));

        assertTrue(svg.contains("Success rate per day"));
        assertTrue(svg.contains("%"), "a percentage axis");
    }

    @Test
    void percentAndAgeAreWrittenForPeople() {
        assertEquals("75.0 %", OverviewView.percent(0.75));
        assertEquals("–", OverviewView.percent(null));
        assertEquals("3 days", OverviewView.age(Duration.ofHours(80)));
        assertEquals("1 hour", OverviewView.age(Duration.ofMinutes(61)));
        assertEquals("5 min", OverviewView.age(Duration.ofMinutes(5)));
    }
}
