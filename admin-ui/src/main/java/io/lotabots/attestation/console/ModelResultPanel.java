package io.lotabots.attestation.console;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * A model attestation's result as a reviewer reads it: the scan's verdict, the model_signing signature
 * (status and signer), and every finding with its file, place (archive entry, offset, opcode), what it
 * names (the global or the rule) and its severity.
 */
class ModelResultPanel extends VerticalLayout {

    /** One finding of the claims, flattened for the grid. */
    record Finding(String file, String place, String names, String severity, String detail) {

        static Finding of(JsonObject f) {
            var place = new StringBuilder();
            append(place, "entry ", text(f, "entry"));
            append(place, "offset ", f.get("offset") instanceof JsonNumber n ? n.toString() : null);
            append(place, "opcode ", text(f, "opcode"));
            String global = text(f, "global");
            return new Finding(
                    text(f, "file"),
                    place.toString(),
                    global == null ? "rule " + text(f, "rule") : global + " (rule " + text(f, "rule") + ")",
                    text(f, "severity"),
                    text(f, "detail"));
        }

        private static void append(StringBuilder place, String label, String value) {
            if (value != null) {
                place.append(place.isEmpty() ? "" : ", ").append(label).append(value);
            }
        }
    }

    ModelResultPanel(JsonObject claims) {
        setId("model-result");
        setPadding(false);
        Span scan = new Span("Scan verdict: " + orNone(text(claims, "verdict")));
        scan.setId("model-scan-verdict");
        add(scan, signature(claims.get("signature")));
        List<Finding> findings = claims.containsKey("findings")
                ? claims.getJsonArray("findings").getValuesAs(JsonObject.class).stream()
                        .map(Finding::of)
                        .toList()
                : List.of();
        Grid<Finding> grid = new Grid<>();
        grid.setId("model-findings");
        grid.setAllRowsVisible(true);
        grid.addColumn(Finding::file).setHeader("File").setAutoWidth(true);
        grid.addColumn(Finding::place).setHeader("Where").setAutoWidth(true);
        grid.addColumn(Finding::names).setHeader("Global or rule").setAutoWidth(true);
        grid.addComponentColumn(f -> {
                    Span severity = new Span(f.severity());
                    severity.getElement().getThemeList().add(Badges.of(upper(f.severity())));
                    return severity;
                })
                .setHeader("Severity")
                .setAutoWidth(true);
        grid.addColumn(Finding::detail).setHeader("Detail");
        grid.setEmptyStateText("No findings: the scanner saw nothing unsafe or suspicious.");
        grid.setItems(findings);
        add(grid);
    }

    private static Div signature(JsonValue value) {
        String text;
        String status = null;
        if (value instanceof JsonObject sig) {
            status = text(sig, "status");
            JsonValue signer = sig.get("signer");
            text = "Signature: " + orNone(status) + (signer instanceof JsonObject s ? ", signed by " + signer(s) : "");
        } else {
            text = "Signature: none recorded";
        }
        Div line = new Div(text);
        line.setId("model-signature");
        line.getElement().getThemeList().add(Badges.of(upper(status)));
        return line;
    }

    private static String signer(JsonObject s) {
        var parts = new StringBuilder(orNone(text(s, "method")));
        for (String key : new String[] {"subject", "issuer", "keyHint"}) {
            String v = text(s, key);
            if (v != null) {
                parts.append(", ").append(key).append(' ').append(v);
            }
        }
        return parts.toString();
    }

    private static String text(JsonObject o, String key) {
        return o.get(key) instanceof JsonString s ? s.getString() : null;
    }

    private static String upper(String label) {
        return label == null ? null : label.toUpperCase(java.util.Locale.ROOT);
    }

    private static String orNone(String value) {
        return value == null ? "none" : value;
    }
}
