package io.lotabots.platform.console.overview;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.attestation.boundary.AttestationStats;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
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

    private static BufferedImage decoded(String dataUri) throws Exception {
        String prefix = "data:image/png;base64,";
        assertTrue(dataUri.startsWith(prefix), dataUri.substring(0, 40));
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(dataUri.substring(prefix.length()))));
    }

    @Test
    void volumeIsAPngTwiceTheShownSize() throws Exception {
        BufferedImage image = decoded(AttestationCharts.volume(stats()));

        assertEquals(AttestationCharts.WIDTH * 2, image.getWidth());
        assertEquals(AttestationCharts.HEIGHT * 2, image.getHeight());
        assertTrue(colours(image) > 2, "something is drawn, not a blank image");
    }

    @Test
    void successRateIsDrawnWithDataOfBothTypes() throws Exception {
        BufferedImage image = decoded(AttestationCharts.successRate(stats()));

        assertEquals(AttestationCharts.WIDTH * 2, image.getWidth());
        assertTrue(colours(image) > 2);
    }

    private static long colours(BufferedImage image) {
        var seen = new java.util.HashSet<Integer>();
        for (int x = 0; x < image.getWidth(); x += 7) {
            for (int y = 0; y < image.getHeight(); y += 7) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
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
