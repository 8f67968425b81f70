package io.lotabots.testsupport;

import java.util.regex.Pattern;

/** Reads the server's {@code /metrics} (Prometheus text), as any scraper would: without a token. */
public final class Metrics {

    private Metrics() {}

    public static String scrape() {
        return new ApiClient().get("/metrics").body();
    }

    /**
     * The value of a series, written here without the {@code mp_scope} label that MicroProfile Metrics
     * adds; -1 if absent.
     */
    public static double value(String prometheusText, String series) {
        int brace = series.indexOf('{');
        String name = series.substring(0, brace);
        String labels = series.substring(brace + 1, series.length() - 1);
        var line = Pattern.compile("^" + Pattern.quote(name) + "\\{([^}]*)\\} (\\S+)$", Pattern.MULTILINE)
                .matcher(prometheusText);
        while (line.find()) {
            if (labels.isEmpty() || line.group(1).contains(labels)) {
                return Double.parseDouble(line.group(2));
            }
        }
        return -1;
    }
}
