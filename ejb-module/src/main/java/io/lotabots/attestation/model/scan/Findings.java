package io.lotabots.attestation.model.scan;

import io.lotabots.attestation.model.control.Finding;
import io.lotabots.attestation.model.control.ModelRisk;
import java.util.ArrayList;
import java.util.List;

/**
 * The findings of one file, kept up to a limit: beyond it they are only counted, and one summary finding with the
 * worst severity among them stands in for them, so a file cannot hide a bad finding behind a flood of mild ones.
 */
public final class Findings {

    private final String file;
    private final int max;
    private final List<Finding> kept = new ArrayList<>();
    private int dropped;
    private ModelRisk worstDropped = ModelRisk.SAFE;

    public Findings(String file, int max) {
        this.file = file;
        this.max = max;
    }

    public void add(Finding finding) {
        if (kept.size() < max) {
            kept.add(finding);
        } else {
            dropped++;
            worstDropped = worstDropped.worse(finding.severity());
        }
    }

    public void addAll(Findings other) {
        other.kept.forEach(this::add);
        if (other.dropped > 0) {
            dropped += other.dropped;
            worstDropped = worstDropped.worse(other.worstDropped);
        }
    }

    public boolean isEmpty() {
        return kept.isEmpty() && dropped == 0;
    }

    public ModelRisk worst() {
        ModelRisk worst = worstDropped;
        for (Finding f : kept) {
            worst = worst.worse(f.severity());
        }
        return worst;
    }

    public List<Finding> list() {
        if (dropped == 0) {
            return List.copyOf(kept);
        }
        var all = new ArrayList<>(kept);
        all.add(new Finding(
                file,
                null,
                null,
                null,
                null,
                "scan.findings-truncated",
                worstDropped,
                dropped + " more findings were not listed; the worst of them was " + worstDropped));
        return List.copyOf(all);
    }
}
