package io.lotabots.attestation.console;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;

/** Every check of a verdict: green when it passed, red with its reason when it failed, grey when skipped. */
class CheckList extends Grid<JsonObject> {

    CheckList(JsonArray checks) {
        setId("attestation-checks");
        setAllRowsVisible(true);
        addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT);
        addColumn(new ComponentRenderer<>(CheckList::outcome))
                .setHeader("Outcome")
                .setAutoWidth(true)
                .setFlexGrow(0);
        addColumn(c -> c.getString("name", "")).setHeader("Check").setAutoWidth(true);
        addColumn(c -> c.getString("reason", "")).setHeader("Reason").setAutoWidth(true);
        addColumn(c -> c.getString("detail", "")).setHeader("Detail").setFlexGrow(1);
        setItems(checks.getValuesAs(JsonObject.class));
    }

    static Span outcome(JsonObject check) {
        String outcome = check.getString("outcome", "");
        Span badge = new Span(outcome);
        badge.getElement().getThemeList().add(Badges.of(outcome));
        badge.getStyle().set("color", Badges.color(outcome)).set("font-weight", "bold");
        return badge;
    }
}
