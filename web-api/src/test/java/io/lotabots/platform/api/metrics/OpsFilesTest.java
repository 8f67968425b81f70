package io.lotabots.platform.api.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Grafana dashboards are JSON dashboards, and they and the Prometheus rules read only metrics the
 * application exposes (ops/prometheus/exposed-metrics.txt, which MetricsExpositionIT holds against a
 * running server) or that the recording rules record. SnakeYAML comes with Redisson.
 */
class OpsFilesTest {

    private static final Path OPS = Path.of(System.getProperty("ops.dir", "../ops"));
    /** Prometheus's own series about each scrape. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up");

    @Test
    void everyDashboardIsAGrafanaDashboardWithQueries() throws IOException {
        for (Path file : files("grafana", ".json")) {
            JsonObject dashboard = json(file);
            assertFalse(dashboard.getString("title", "").isBlank(), file + " has a title");
            assertTrue(dashboard.containsKey("uid"), file + " has a uid");
            assertFalse(expressions(dashboard).isEmpty(), file + " has queries");
        }
    }

    @Test
    void theDashboardsReadOnlyExposedOrRecordedMetrics() throws IOException {
        Set<String> known = known();
        for (Path file : files("grafana", ".json")) {
            for (String expression : expressions(json(file))) {
                for (String name : PromQlNames.in(expression)) {
                    assertTrue(known.contains(family(name, known)), file + " reads " + name + " in " + expression);
                }
            }
        }
    }

    @Test
    void theRulesReadOnlyExposedOrRecordedMetrics() throws IOException {
        Set<String> known = known();
        for (var rule : rules()) {
            for (String name : PromQlNames.in(rule.get("expr").toString())) {
                assertTrue(known.contains(family(name, known)), rule.get("expr") + " reads " + name);
            }
        }
    }

    @Test
    void everyAlertHasASeverityAndARunbookInTheOperationsGuide() throws IOException {
        String guide = Files.readString(OPS.resolve("../docs/operations.md"));
        var alerts = rules().stream().filter(r -> r.containsKey("alert")).toList();
        assertFalse(alerts.isEmpty());
        for (var alert : alerts) {
            @SuppressWarnings("unchecked")
            var labels = (Map<String, Object>) alert.get("labels");
            @SuppressWarnings("unchecked")
            var annotations = (Map<String, Object>) alert.get("annotations");
            assertTrue(
                    Set.of("warning", "critical").contains(labels.get("severity")), alert.get("alert") + " severity");
            String runbook = annotations.get("runbook").toString();
            String anchor = runbook.substring(runbook.indexOf('#') + 1);
            assertTrue(
                    guide.contains("\n### ") && anchors(guide).contains(anchor), alert.get("alert") + ": " + runbook);
        }
    }

    @Test
    void theNameExtractionFindsMetricsAndNothingElse() {
        assertEquals(
                Set.of("http_requests_total", "job:http_requests:rate5m"),
                PromQlNames.in("sum by (job, endpoint) (rate(http_requests_total{status=~\"5..\", job=\"a\"}[5m]))"
                        + " / on (job) group_left job:http_requests:rate5m > 0.01 and 1e3 < bool 2"));
        assertEquals(Set.of(), PromQlNames.in("time() - vector(91 * 86400)"));
    }

    private static Set<String> known() throws IOException {
        var known = new TreeSet<>(PROMETHEUS_OWN);
        try (var lines = Files.lines(OPS.resolve("prometheus/exposed-metrics.txt"))) {
            lines.map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .forEach(known::add);
        }
        rules().stream()
                .filter(r -> r.containsKey("record"))
                .map(r -> r.get("record").toString())
                .forEach(known::add);
        return known;
    }

    /** A histogram's series name its family with a suffix. */
    private static String family(String name, Set<String> known) {
        for (String suffix : List.of("_bucket", "_sum", "_count")) {
            if (!known.contains(name) && name.endsWith(suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules() throws IOException {
        var rules = new ArrayList<Map<String, Object>>();
        for (Path file : files("prometheus/rules", ".yml")) {
            try (Reader reader = Files.newBufferedReader(file)) {
                Map<String, Object> document = new Yaml().load(reader);
                for (var group : (List<Map<String, Object>>) document.get("groups")) {
                    rules.addAll((List<Map<String, Object>>) group.get("rules"));
                }
            }
        }
        return rules;
    }

    private static List<String> expressions(JsonObject dashboard) {
        var expressions = new ArrayList<String>();
        for (JsonValue panel : dashboard.getJsonArray("panels")) {
            var targets = panel.asJsonObject().getJsonArray("targets");
            if (targets != null) {
                targets.forEach(t -> expressions.add(t.asJsonObject().getString("expr")));
            }
        }
        return expressions;
    }

    /** GitHub's heading anchors: lower case, spaces to dashes, punctuation dropped. */
    private static Set<String> anchors(String markdown) {
        return markdown.lines()
                .filter(l -> l.startsWith("#"))
                .map(l -> l.replaceFirst("^#+\\s*", "")
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9 -]", "")
                        .replace(' ', '-'))
                .collect(Collectors.toSet());
    }

    private static JsonObject json(Path file) throws IOException {
        try (var reader = Json.createReader(Files.newBufferedReader(file))) {
            return reader.readObject();
        }
    }

    private static List<Path> files(String directory, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(OPS.resolve(directory))) {
            var found =
                    files.filter(f -> f.toString().endsWith(suffix)).sorted().toList();
            assertFalse(found.isEmpty(), "no " + suffix + " files in " + OPS.resolve(directory));
            return found;
        }
    }
}
