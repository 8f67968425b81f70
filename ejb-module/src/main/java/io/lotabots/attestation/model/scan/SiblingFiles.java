package io.lotabots.attestation.model.scan;

import io.lotabots.model.control.ModelFile;
import java.util.Optional;

/** The other files of the model, for formats that point at them (ONNX external data). */
public interface SiblingFiles {

    /** The model file at this exact '/'-separated path. */
    Optional<ModelFile> find(String path);

    /** Records that a file is referenced as data, so it is not reported as an unknown format. */
    void referenced(String path);
}
