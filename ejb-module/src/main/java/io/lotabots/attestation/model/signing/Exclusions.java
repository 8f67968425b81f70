package io.lotabots.attestation.model.signing;

import java.util.ArrayList;
import java.util.List;

/**
 * The paths left out of the model's actual file set, as model_signing leaves them out: git's files at the top
 * level, the signature file, the ignore paths the signer recorded, and those the verifier was given. A path
 * covers itself and everything under it.
 */
final class Exclusions {

    static final List<String> GIT_PATHS = List.of(".git", ".gitattributes", ".github", ".gitignore");

    private final List<String> paths;

    private Exclusions(List<String> paths) {
        this.paths = List.copyOf(paths);
    }

    static Exclusions of(String signaturePath, List<String> recorded, List<String> given) {
        List<String> paths = new ArrayList<>(GIT_PATHS);
        paths.add(signaturePath);
        paths.addAll(recorded);
        paths.addAll(given);
        return new Exclusions(paths);
    }

    /** The exclusion that covers {@code path}, or null. */
    String covering(String path) {
        for (String excluded : paths) {
            if (ModelPaths.within(path, excluded)) {
                return excluded;
            }
        }
        return null;
    }
}
