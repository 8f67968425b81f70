package io.lotabots.resources.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.lotabots.identity.boundary.Caller;
import io.lotabots.identity.entity.Role;
import io.lotabots.platform.console.FieldErrors;
import io.lotabots.platform.console.MainLayout;
import io.lotabots.platform.console.security.ConsoleRole;
import io.lotabots.platform.console.security.ConsoleSession;
import io.lotabots.platform.refusal.FieldProblem;
import io.lotabots.platform.refusal.Refusal;
import io.lotabots.resources.boundary.QuotaChange;
import io.lotabots.resources.boundary.QuotaView;
import io.lotabots.resources.boundary.ResourceQuotas;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The tenant's quotas with what it uses of each now; administrators change the limits (the boundary of
 * {@code PUT /api/v1/resources/quotas}: same checks, versions and audit). Platform operators, who have no
 * console, see other tenants' through the API.
 */
@Route(value = "quotas", layout = MainLayout.class)
@PageTitle("Quotas — LotaBots")
@Menu(title = "Quotas", order = 8, icon = "vaadin:dashboard")
@ConsoleRole({Role.ADMIN, Role.COMPLIANCE_OFFICER, Role.AUDITOR})
public class QuotasView extends VerticalLayout {

    private final ResourceQuotas quotas;
    private final Caller caller;
    private final Grid<QuotaRow> grid = new Grid<>();
    private final Div state = new Div();
    private final TextField storedModelBytes = new TextField("Stored model bytes");
    private final TextField concurrentJobs = new TextField("Concurrent verification jobs");
    private final TextField cpuSecondsPerDay = new TextField("Verification CPU-seconds per UTC day");
    private final FieldErrors errors = new FieldErrors(storedModelBytes)
            .on("storedModelBytes", storedModelBytes)
            .on("concurrentJobs", concurrentJobs)
            .on("cpuSecondsPerDay", cpuSecondsPerDay);
    private QuotaView shown;

    @Inject
    public QuotasView(ResourceQuotas quotas) {
        this.quotas = quotas;
        this.caller = ConsoleSession.caller();
        setId("quotas-view");
        grid.setId("quotas-grid");
        grid.setAllRowsVisible(true);
        grid.addColumn(QuotaRow::quota).setHeader("Quota").setAutoWidth(true);
        grid.addColumn(QuotaRow::used).setHeader("In use").setAutoWidth(true);
        grid.addColumn(QuotaRow::limit).setHeader("Limit").setAutoWidth(true);
        grid.addColumn(QuotaRow::note).setHeader("").setAutoWidth(true);
        state.setId("quotas-state");
        add(new H2("Quotas"), grid, state);
        if (caller.isAdmin()) {
            add(editor());
        }
        show(quotas.view(caller));
    }

    private VerticalLayout editor() {
        storedModelBytes.setId("quota-stored-model-bytes");
        concurrentJobs.setId("quota-concurrent-jobs");
        cpuSecondsPerDay.setId("quota-cpu-seconds-per-day");
        Button save = new Button("Save limits", click -> save());
        save.setId("quota-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        var editor = new VerticalLayout(
                new H3("Change limits"), new FormLayout(storedModelBytes, concurrentJobs, cpuSecondsPerDay), save);
        editor.setPadding(false);
        editor.setId("quota-editor");
        return editor;
    }

    private void show(QuotaView quota) {
        shown = quota;
        grid.setItems(QuotaRow.of(quota));
        state.setText((quota.custom()
                        ? "Set for this tenant (version " + quota.version() + ") by " + quota.updatedBy() + " at "
                                + quota.updatedAt()
                        : "The configured defaults (no limits set for this tenant)")
                + ". Today's CPU budget renews at " + quota.cpuDayEndsAt() + ".");
        storedModelBytes.setValue(Long.toString(quota.limits().storedModelBytes()));
        concurrentJobs.setValue(Integer.toString(quota.limits().concurrentJobs()));
        cpuSecondsPerDay.setValue(Long.toString(quota.limits().cpuSecondsPerDay()));
    }

    private void save() {
        errors.clear();
        if (!caller.isAdmin()) {
            Notification.show("Only administrators change quotas.");
            return;
        }
        List<FieldProblem> problems = new ArrayList<>();
        var change = new QuotaChange(
                number(problems, "storedModelBytes", storedModelBytes),
                number(problems, "concurrentJobs", concurrentJobs),
                number(problems, "cpuSecondsPerDay", cpuSecondsPerDay));
        if (!problems.isEmpty()) {
            errors.show(problems);
            return;
        }
        try {
            show(quotas.change(caller, change, shown.version()));
            Notification.show("Quotas saved (version " + shown.version() + ")");
        } catch (Refusal refused) {
            errors.show(refused);
            if (refused.kind() == Refusal.Kind.STALE_VERSION) {
                show(quotas.view(caller));
            }
        }
    }

    /** The field as a number, the boundary deciding whether it is a whole one in range; blank is missing. */
    private static BigDecimal number(List<FieldProblem> problems, String field, TextField input) {
        String text = input.getValue().strip().replace("_", "").replace(",", "");
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            problems.add(new FieldProblem(field, "must be a whole number"));
            return BigDecimal.ZERO;
        }
    }
}
