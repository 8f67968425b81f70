package io.lotabots.attestation.model.scan;

import io.lotabots.attestation.model.control.Finding;
import io.lotabots.attestation.model.control.ModelRisk;
import java.util.List;

/** One model file after the scan: its format as its bytes show it, and what was found in it. */
public record ScannedFile(String path, ModelFormat format, List<Finding> findings) {

    public ScannedFile {
        findings = List.copyOf(findings);
    }

    /** The worst severity among the findings; safe only when nothing was found. */
    public ModelRisk risk() {
        return findings.stream().map(Finding::severity).reduce(ModelRisk.SAFE, ModelRisk::worse);
    }
}
