package io.lotabots.attestation.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import io.lotabots.attestation.boundary.AttestationReviews;
import io.lotabots.attestation.boundary.ReviewView;
import io.lotabots.attestation.control.ReviewInput;
import io.lotabots.platform.console.FieldErrors;
import io.lotabots.platform.console.security.ConsoleSession;
import io.lotabots.platform.refusal.Refusal;
import java.util.Collections;
import java.util.UUID;

/**
 * The attestation's current review and its history; for compliance officers and administrators,
 * the buttons to accept the verdict or flag it (a flag needs a justification).
 */
class ReviewPanel extends VerticalLayout {

    private final AttestationReviews reviews;
    private final UUID attestationId;
    private final UUID tenantId;
    private final Span current = new Span();
    private final Grid<ReviewView> history = new Grid<>();
    private final TextArea justification = new TextArea("Justification");
    private final FieldErrors errors = new FieldErrors(justification).on("justification", justification);

    ReviewPanel(AttestationReviews reviews, UUID tenantId, UUID attestationId, boolean finalOutcome) {
        this.reviews = reviews;
        this.tenantId = tenantId;
        this.attestationId = attestationId;
        setId("attestation-review");
        setPadding(false);
        current.setId("attestation-review-current");
        history.setId("attestation-review-history");
        history.setAllRowsVisible(true);
        history.addColumn(ReviewView::reviewedAt).setHeader("Reviewed (UTC)").setAutoWidth(true);
        history.addColumn(ReviewView::decision).setHeader("Decision").setAutoWidth(true);
        history.addColumn(r -> r.reviewerName() == null ? r.reviewer() : r.reviewerName())
                .setHeader("Reviewer")
                .setAutoWidth(true);
        history.addColumn(r -> r.justification() == null ? "" : r.justification())
                .setHeader("Justification")
                .setFlexGrow(1);
        add(current);
        if (mayReview() && finalOutcome) {
            add(form());
        } else if (!finalOutcome) {
            add(new Span("It can be reviewed once it has its final outcome."));
        }
        add(history);
        refresh();
    }

    private static boolean mayReview() {
        return ConsoleSession.identity()
                .map(i -> !Collections.disjoint(i.roles(), AttestationReviews.REVIEWERS))
                .orElse(false);
    }

    private HorizontalLayout form() {
        justification.setId("review-justification");
        justification.setMaxLength(ReviewInput.MAX_JUSTIFICATION);
        justification.setHelperText("Required to flag; kept with the review and in the audit trail.");
        justification.setWidth("32em");
        Button accept = new Button("Accept verdict", click -> submit("ACCEPTED"));
        accept.setId("review-accept");
        accept.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        Button flag = new Button("Flag", click -> submit("FLAGGED"));
        flag.setId("review-flag");
        flag.addThemeVariants(ButtonVariant.LUMO_ERROR);
        HorizontalLayout form = new HorizontalLayout(justification, accept, flag);
        form.setAlignItems(Alignment.BASELINE);
        form.setWrap(true);
        return form;
    }

    private void submit(String decision) {
        var identity = ConsoleSession.identity().orElseThrow();
        try {
            var review = reviews.review(
                    identity.caller(), identity.username(), attestationId, decision, justification.getValue());
            errors.clear();
            justification.clear();
            Notification.show("Review stored: " + review.decision());
            refresh();
        } catch (Refusal refused) {
            errors.show(refused);
        }
    }

    private void refresh() {
        var all = reviews.history(tenantId, attestationId);
        history.setItems(all);
        if (all.isEmpty()) {
            current.setText("Not reviewed yet.");
            current.getElement().getThemeList().clear();
        } else {
            ReviewView latest = all.get(0);
            current.setText("Current review: " + latest.decision() + " by "
                    + (latest.reviewerName() == null ? latest.reviewer() : latest.reviewerName()) + " at "
                    + latest.reviewedAt()
                    + (latest.justification() == null ? "" : " — " + latest.justification()));
            current.getElement().getThemeList().clear();
            current.getElement().getThemeList().add(Badges.of(latest.decision()));
        }
    }
}
