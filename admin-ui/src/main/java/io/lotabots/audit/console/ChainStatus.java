package io.lotabots.audit.console;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import io.lotabots.audit.boundary.AuditVerification;
import io.lotabots.audit.boundary.VerificationReport;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/** The chain's state as of the last verification, and a button to verify it again (as the REST endpoint does). */
public class ChainStatus extends HorizontalLayout {

    private static final Logger LOG = Logger.getLogger(ChainStatus.class.getName());

    private final AuditVerification verification;
    private final UUID tenantId;
    private final Span status = new Span("Not verified in this session.");
    /** What the signed checkpoint copies in S3 found against the database: ROLLED_BACK or DIVERGED. */
    private final Span findings = new Span();

    public ChainStatus(AuditVerification verification, UUID tenantId) {
        this.verification = verification;
        this.tenantId = tenantId;
        status.setId("audit-chain-status");
        findings.setId("audit-chain-findings");
        findings.setVisible(false);
        // a finding's sentence is long: let the badges wrap instead of widening the view
        for (Span line : new Span[] {status, findings}) {
            line.getStyle()
                    .set("white-space", "normal")
                    .set("max-width", "100%")
                    .set("box-sizing", "border-box");
        }
        getStyle().set("flex-wrap", "wrap");
        Button verify = new Button("Verify chain", click -> verify());
        verify.setId("audit-verify");
        setAlignItems(Alignment.BASELINE);
        add(verify, status, findings);
    }

    private void verify() {
        try {
            show(verification.verify(tenantId));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Chain verification failed to run", e);
            status.setText("Verification could not run; the server log has the cause.");
            status.getElement().getThemeList().set("badge error", true);
        }
    }

    private void show(VerificationReport report) {
        String when = " Last verified " + report.verifiedAt() + ".";
        status.getElement().getThemeList().clear();
        if (report.intact()) {
            status.setText("Intact: " + report.eventsChecked() + " sealed events checked." + when);
            status.getElement().getThemeList().add("badge success");
        } else {
            status.setText("BROKEN at sequence " + report.firstBrokenSequence() + ": " + report.reason() + "." + when);
            status.getElement().getThemeList().add("badge error");
        }
        findings.setVisible(!report.findings().isEmpty());
        findings.setText(report.findings().stream()
                .map(f -> f.type() + " at sequence " + f.sequence() + ": " + f.detail())
                .collect(java.util.stream.Collectors.joining("; ", "Checkpoint copies in S3: ", ".")));
        findings.getElement()
                .getThemeList()
                .set("badge error", !report.findings().isEmpty());
    }
}
