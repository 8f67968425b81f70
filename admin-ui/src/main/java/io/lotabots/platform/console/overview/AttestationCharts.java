package io.lotabots.platform.console.overview;

import io.lotabots.attestation.boundary.AttestationStats;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.util.Base64;
import java.util.Locale;
import java.util.function.Function;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.time.Day;
import org.jfree.data.time.TimeSeries;
import org.jfree.data.time.TimeSeriesCollection;

/**
 * The overview's charts, drawn on the server with JFreeChart (LGPL) into PNG and handed to the browser
 * as a data URI: no chart web component, so the pre-compiled Vaadin bundle needs no Node.js. (JFreeSVG
 * would give SVG, but it is GPL.)
 */
final class AttestationCharts {

    static final int WIDTH = 560;
    static final int HEIGHT = 280;
    private static final Color[] TYPE_COLOURS = {new Color(0x1676f3), new Color(0xe8590c)};

    private AttestationCharts() {}

    /** Attestations submitted per UTC day, one line per type. */
    static String volume(AttestationStats stats) {
        var chart = chart("Attestations per day (UTC)", "Submitted", stats, d -> (double) d.submitted());
        ((NumberAxis) chart.getXYPlot().getRangeAxis()).setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        return pngDataUri(chart);
    }

    /** Verified out of the finished ones per UTC day, one line per type; a day without any has no point. */
    static String successRate(AttestationStats stats) {
        var chart = chart("Success rate per day (UTC)", "Verified", stats, AttestationStats.DayCounts::successRate);
        var axis = (NumberAxis) chart.getXYPlot().getRangeAxis();
        axis.setRange(0, 1.05);
        axis.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.ROOT));
        return pngDataUri(chart);
    }

    private static JFreeChart chart(
            String title,
            String valueLabel,
            AttestationStats stats,
            Function<AttestationStats.DayCounts, Double> value) {
        var dataset = new TimeSeriesCollection();
        for (var type : stats.types()) {
            var series = new TimeSeries(type.type());
            for (var day : type.days()) {
                var d = day.day();
                series.add(new Day(d.getDayOfMonth(), d.getMonthValue(), d.getYear()), value.apply(day));
            }
            dataset.addSeries(series);
        }
        JFreeChart chart = ChartFactory.createTimeSeriesChart(title, null, valueLabel, dataset, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        XYPlot plot = chart.getXYPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        var renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < dataset.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, TYPE_COLOURS[i % TYPE_COLOURS.length]);
            renderer.setSeriesStroke(i, new BasicStroke(2f));
        }
        plot.setRenderer(renderer);
        return chart;
    }

    /** Drawn at twice the shown size, so it stays sharp on high-density screens. */
    static byte[] png(JFreeChart chart) {
        try {
            return ChartUtils.encodeAsPNG(chart.createBufferedImage(WIDTH * 2, HEIGHT * 2, WIDTH, HEIGHT, null));
        } catch (IOException e) {
            throw new UncheckedIOException("a chart could not be encoded", e);
        }
    }

    private static String pngDataUri(JFreeChart chart) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png(chart));
    }
}
