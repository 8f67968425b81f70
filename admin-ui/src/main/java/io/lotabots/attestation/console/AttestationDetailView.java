package io.lotabots.attestation.console;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.StreamResource;
import io.lotabots.attestation.boundary.AttestationReviews;
import io.lotabots.attestation.boundary.AttestationView;
import io.lotabots.attestation.boundary.Attestations;
import io.lotabots.attestation.boundary.ResultTokens;
import io.lotabots.attestation.control.IndentedJson;
import io.lotabots.identity.entity.Role;
import io.lotabots.platform.console.MainLayout;
import io.lotabots.platform.console.security.ConsoleRole;
import io.lotabots.platform.console.security.ConsoleSession;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.util.Optional;
import java.util.UUID;

/**
 * One attestation: its outcome, every check, the claims, the decoded result token, the evidence and
 * report downloads, and its review.
 */
@Route(value = "attestations/:id", layout = MainLayout.class)
@PageTitle("Attestation — LotaBots")
@ConsoleRole({Role.ADMIN, Role.COMPLIANCE_OFFICER, Role.AUDITOR})
public class AttestationDetailView extends VerticalLayout implements BeforeEnterObserver {

    private final Attestations attestations;
    private final AttestationReviews reviews;
    private final ResultTokens tokens;
    private final UUID tenantId = ConsoleSession.caller().tenantId();

    @Inject
    public AttestationDetailView(Attestations attestations, AttestationReviews reviews, ResultTokens tokens) {
        this.attestations = attestations;
        this.reviews = reviews;
        this.tokens = tokens;
        setId("attestation-detail");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        String id = event.getRouteParameters().get("id").orElse("");
        add(new RouterLink("← All attestations", AttestationsView.class));
        find(id).ifPresentOrElse(this::show, () -> {
            Div missing = new Div("No attestation " + id + " in your tenant.");
            missing.setId("attestation-missing");
            add(missing);
        });
    }

    private Optional<AttestationView> find(String id) {
        try {
            return attestations.find(tenantId, UUID.fromString(id));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    private void show(AttestationView a) {
        add(new H2("Attestation " + a.id()), summary(a));
        if (a.failureReason() != null) {
            add(labelled("attestation-failure", "Failed: ", a.failureReason()));
        }
        // the reviewer's task comes first; what they base it on follows
        add(new H3("Review"), new ReviewPanel(reviews, tenantId, a.id(), a.completedAt() != null));
        if ("MODEL".equals(a.type()) && a.claims() != null && !a.claims().isEmpty()) {
            add(new H3("Model scan and signature"), new ModelResultPanel(a.claims()));
        }
        add(new H3("Checks"), a.checks().isEmpty() ? new Div("No checks yet.") : new CheckList(a.checks()));
        Pre claims = new Pre(IndentedJson.of(a.claims()));
        claims.setId("attestation-claims");
        add(new H3("Claims"), claims);
        add(
                new H3("Result token"),
                a.token() == null
                        ? ResultTokenPanel.none()
                        : new ResultTokenPanel(a.token(), tokens.decode(a.token())));
        add(new H3("Evidence"), downloads(a));
    }

    private static Component summary(AttestationView a) {
        Span status = new Span(a.status());
        status.setId("attestation-status");
        status.getElement().getThemeList().add(Badges.of(a.status()));
        Span verdict = new Span(a.verdict() == null ? "no verdict" : a.verdict());
        verdict.setId("attestation-verdict");
        verdict.getElement().getThemeList().add(Badges.of(a.verdict()));
        var badges = new HorizontalLayout(status, verdict);
        var details = new VerticalLayout(
                badges,
                labelled(
                        "attestation-reasons",
                        "Reasons: ",
                        a.reasons().isEmpty() ? "none" : ReasonText.of(a.reasons())),
                linked(
                        "attestation-policy",
                        "Policy: ",
                        a.policy().name() + " version " + a.policy().version(),
                        "HARDWARE".equals(a.type()) ? PoliciesView.class : null),
                linked(
                        "attestation-device",
                        "Device: ",
                        a.deviceId() == null ? "none named" : a.deviceId().toString(),
                        a.deviceId() == null ? null : DevicesView.class),
                labelled("attestation-type", "Type: ", a.type()),
                labelled("attestation-submitted", "Submitted: ", String.valueOf(a.submittedAt())),
                labelled(
                        "attestation-completed",
                        "Completed: ",
                        a.completedAt() == null ? "not yet" : a.completedAt().toString()),
                labelled("attestation-digest", "Evidence SHA-256: ", a.evidenceDigest()));
        details.setPadding(false);
        details.setSpacing(false);
        return details;
    }

    /** A value that opens its view (policies, devices) when there is one for it. */
    private static Div linked(
            String id, String label, String value, Class<? extends com.vaadin.flow.component.Component> view) {
        if (view == null) {
            return labelled(id, label, value);
        }
        Div div = new Div(new Span(label), new RouterLink(value, view));
        div.setId(id);
        return div;
    }

    private static Div labelled(String id, String label, String value) {
        Div div = new Div(new Span(label), new Span(value));
        div.setId(id);
        return div;
    }

    private Component downloads(AttestationView a) {
        UUID id = a.id();
        UUID tenant = tenantId;
        var evidence = new StreamResource(
                "evidence-" + id + ".json",
                () -> new ByteArrayInputStream(attestations.evidence(tenant, id).orElse(new byte[0])));
        evidence.setContentType("application/json");
        Anchor evidenceLink = new Anchor(evidence, "Download evidence");
        evidenceLink.setId("attestation-evidence");
        evidenceLink.getElement().setAttribute("download", true);
        var layout = new HorizontalLayout(evidenceLink);
        if (a.completedAt() != null && a.verdict() != null) {
            var report = new StreamResource(
                    "report-" + id + ".json",
                    () -> new ByteArrayInputStream(
                            attestations.report(tenant, id).orElse(new byte[0])));
            report.setContentType("application/json");
            Anchor reportLink = new Anchor(report, "Download verification report");
            reportLink.setId("attestation-report");
            reportLink.getElement().setAttribute("download", true);
            layout.add(reportLink);
        }
        return layout;
    }
}
