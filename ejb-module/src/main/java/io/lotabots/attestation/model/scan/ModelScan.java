package io.lotabots.attestation.model.scan;

import io.lotabots.attestation.model.control.Finding;
import io.lotabots.attestation.model.control.ModelRisk;
import java.util.List;

/** The scan of a whole model: every file with its format and findings. */
public record ModelScan(List<ScannedFile> files) {

    public ModelScan {
        files = List.copyOf(files);
    }

    /** The model's verdict: the worst risk of any file. */
    public ModelRisk risk() {
        return files.stream().map(ScannedFile::risk).reduce(ModelRisk.SAFE, ModelRisk::worse);
    }

    public List<Finding> findings() {
        return files.stream().flatMap(f -> f.findings().stream()).toList();
    }

    public ScannedFile file(String path) {
        return files.stream()
                .filter(f -> f.path().equals(path))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no file " + path));
    }
}
