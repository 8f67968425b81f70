package io.lotabots.consent.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import io.lotabots.consent.boundary.ConsentFilter;
import io.lotabots.consent.boundary.ConsentPurposes;
import io.lotabots.consent.boundary.ConsentRecordView;
import io.lotabots.consent.boundary.ConsentStateView;
import io.lotabots.consent.boundary.Consents;
import io.lotabots.consent.boundary.PurposeView;
import io.lotabots.identity.entity.Role;
import io.lotabots.platform.console.MainLayout;
import io.lotabots.platform.console.security.ConsoleRole;
import io.lotabots.platform.console.security.ConsoleSession;
import io.lotabots.platform.refusal.Refusal;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * Consent as an officer works with it: the tenant's purposes, the current consents searched by subject, purpose
 * and state, a subject's history with each receipt, and (for administrators and officers) recording a consent
 * collected elsewhere and adding purposes. Auditors only read.
 */
@Route(value = "consent", layout = MainLayout.class)
@PageTitle("Consent — LotaBots")
@Menu(title = "Consent", order = 3.5, icon = "vaadin:handshake")
@ConsoleRole({Role.ADMIN, Role.COMPLIANCE_OFFICER, Role.AUDITOR})
public class ConsentView extends VerticalLayout {

    private static final int PAGE = 200;
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private final Consents consents;
    private final ConsentPurposes purposes;
    private final UUID tenantId = ConsoleSession.caller().tenantId();
    private final Grid<PurposeView> purposeGrid = new Grid<>();
    private final TextField subject = new TextField("Subject");
    private final ComboBox<String> purpose = new ComboBox<>("Purpose");
    private final ComboBox<String> state = new ComboBox<>("State", List.of("granted", "withdrawn"));
    private final Grid<ConsentStateView> stateGrid = new Grid<>();
    private final Grid<ConsentRecordView> historyGrid = new Grid<>();
    private final Span historyTitle = new Span();

    @Inject
    public ConsentView(Consents consents, ConsentPurposes purposes) {
        this.consents = consents;
        this.purposes = purposes;
        setId("consent-view");
        setSizeFull();
        boolean mayChange = ConsoleSession.caller().roles().contains(Role.ADMIN)
                || ConsoleSession.caller().roles().contains(Role.COMPLIANCE_OFFICER);

        configurePurposes();
        subject.setId("consent-subject");
        subject.setClearButtonVisible(true);
        purpose.setId("consent-purpose");
        purpose.setClearButtonVisible(true);
        state.setId("consent-state");
        state.setClearButtonVisible(true);
        Button search = new Button("Search", click -> search());
        search.setId("consent-search");
        search.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout filters = new HorizontalLayout(subject, purpose, state, search);
        filters.setAlignItems(Alignment.BASELINE);
        filters.setWrap(true);
        configureStates();
        configureHistory();

        add(new H2("Consent"), new H3("Purposes"));
        if (mayChange) {
            add(new PurposeForm(purposes, created -> refreshPurposes()));
        }
        add(purposeGrid, new H3("Consents"), filters);
        if (mayChange) {
            add(new RecordConsentForm(consents, this::purposeCodes, recorded -> {
                subject.setValue(recorded.subject());
                search();
            }));
        }
        add(stateGrid, historyTitle, historyGrid);
        refreshPurposes();
        search();
    }

    private void configurePurposes() {
        purposeGrid.setId("consent-purposes");
        purposeGrid.setAllRowsVisible(true);
        purposeGrid.addColumn(PurposeView::code).setHeader("Code").setAutoWidth(true);
        purposeGrid.addColumn(PurposeView::name).setHeader("Name").setAutoWidth(true);
        purposeGrid.addColumn(PurposeView::legalBasis).setHeader("Legal basis").setAutoWidth(true);
        purposeGrid
                .addColumn(p -> String.join(
                        ", ", p.requiredFor().stream().map(Enum::name).toList()))
                .setHeader("Required for")
                .setAutoWidth(true);
        purposeGrid
                .addColumn(PurposeView::policyVersion)
                .setHeader("Policy version")
                .setAutoWidth(true);
    }

    private void configureStates() {
        stateGrid.setId("consent-states");
        stateGrid.setHeight("320px");
        stateGrid.addColumn(ConsentStateView::subject).setHeader("Subject").setAutoWidth(true);
        stateGrid.addColumn(ConsentStateView::purpose).setHeader("Purpose").setAutoWidth(true);
        stateGrid.addColumn(ConsentStateView::state).setHeader("State").setAutoWidth(true);
        stateGrid
                .addColumn(s -> s.policyVersion() + " of " + s.currentPolicyVersion()
                        + (s.renewalDue() ? " (renewal due)" : ""))
                .setHeader("Policy version")
                .setAutoWidth(true);
        stateGrid.addColumn(s -> time(s.changedAt())).setHeader("Changed").setAutoWidth(true);
        stateGrid.addItemClickListener(click -> showHistory(click.getItem()));
        stateGrid.setEmptyStateText("No consents match these filters.");
    }

    private void configureHistory() {
        historyTitle.setId("consent-history-title");
        historyGrid.setId("consent-history");
        historyGrid.setHeight("280px");
        historyGrid.addColumn(r -> time(r.recordedAt())).setHeader("Recorded").setAutoWidth(true);
        historyGrid.addColumn(ConsentRecordView::state).setHeader("State").setAutoWidth(true);
        historyGrid
                .addColumn(ConsentRecordView::policyVersion)
                .setHeader("Policy version")
                .setAutoWidth(true);
        historyGrid.addColumn(ConsentRecordView::source).setHeader("Source").setAutoWidth(true);
        historyGrid
                .addColumn(r -> r.recordedByName() == null ? r.recordedBy() : r.recordedByName())
                .setHeader("Recorded by")
                .setAutoWidth(true);
        historyGrid
                .addComponentColumn(r -> {
                    Button receipt = new Button("Receipt", click -> ReceiptDialog.open(consents, tenantId, r));
                    receipt.setId("receipt-" + r.id());
                    receipt.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
                    return receipt;
                })
                .setHeader("")
                .setAutoWidth(true);
        historyGrid.setEmptyStateText("Select a consent to see its history.");
        historyGrid.setVisible(false);
    }

    /** A readable UTC time, to the second. */
    static String time(Instant at) {
        return at == null ? "" : TIME.format(at);
    }

    private void refreshPurposes() {
        var all = purposes.list(tenantId);
        purposeGrid.setItems(all);
        purpose.setItems(all.stream().map(PurposeView::code).toList());
    }

    private List<String> purposeCodes() {
        return purposes.list(tenantId).stream().map(PurposeView::code).toList();
    }

    private void search() {
        subject.setInvalid(false);
        try {
            var filter = new ConsentFilter(
                    subject.getValue().isBlank() ? null : subject.getValue().strip(),
                    purpose.getValue(),
                    state.getValue(),
                    null,
                    null);
            stateGrid.setItems(consents.states(tenantId, filter, null, PAGE).items());
        } catch (Refusal refused) {
            subject.setErrorMessage(
                    refused.problems().isEmpty()
                            ? refused.detail()
                            : refused.problems().get(0).message());
            subject.setInvalid(true);
        }
    }

    private void showHistory(ConsentStateView chosen) {
        var filter = new ConsentFilter(chosen.subject(), chosen.purpose(), null, null, null);
        historyTitle.setText("History of " + chosen.subject() + " for " + chosen.purpose());
        historyGrid.setItems(consents.records(tenantId, filter, null, PAGE).items());
        historyGrid.setVisible(true);
    }
}
