package io.lotabots.attestation.model.signing;

import io.lotabots.attestation.model.control.Finding;
import io.lotabots.model.control.ModelFile;
import io.lotabots.model.control.ModelTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model's actual file set as the signer's serialization would see it: every stored entry outside the
 * exclusions, each paired with the file whose bytes it stands for. A symbolic link is refused unless the
 * signature allowed them; an allowed one stands for the file it leads to, which must be a file of the model
 * (model_signing reads through links; a stored model has nothing outside itself to read).
 */
final class ModelInventory {

    private static final int MAX_LINK_HOPS = 8;
    private static final int MAX_LINK_TARGET_BYTES = 4096;

    private final Map<String, ModelFile> files;
    private final List<Finding> problems;

    private ModelInventory(Map<String, ModelFile> files, List<Finding> problems) {
        this.files = files;
        this.problems = problems;
    }

    static ModelInventory of(ModelTree tree, Exclusions exclusions, boolean allowSymlinks) throws IOException {
        Map<String, ModelFile> byPath = new LinkedHashMap<>();
        for (ModelFile file : tree.files()) {
            byPath.put(file.path(), file);
        }
        Map<String, ModelFile> files = new LinkedHashMap<>();
        List<Finding> problems = new ArrayList<>();
        for (ModelFile file : byPath.values()) {
            if (exclusions.covering(file.path()) != null) {
                continue;
            }
            if (!file.symlink()) {
                files.put(file.path(), file);
            } else if (!allowSymlinks) {
                problems.add(SignatureFindings.invalid(
                        file.path(),
                        SignatureRules.SYMLINK_NOT_ALLOWED,
                        "a symbolic link, and the signature was made with allow_symlinks false"));
            } else {
                ModelFile target = resolve(tree, byPath, file, problems);
                if (target != null) {
                    files.put(file.path(), target);
                }
            }
        }
        return new ModelInventory(files, problems);
    }

    /** Path → the file whose bytes the entry stands for (itself, or a link's target). */
    Map<String, ModelFile> files() {
        return files;
    }

    List<Finding> problems() {
        return problems;
    }

    private static ModelFile resolve(
            ModelTree tree, Map<String, ModelFile> byPath, ModelFile link, List<Finding> problems) throws IOException {
        ModelFile current = link;
        for (int hop = 0; hop < MAX_LINK_HOPS && current.symlink(); hop++) {
            String target = linkTarget(tree, current);
            String resolved = target.startsWith("/") ? null : normalize(ModelPaths.parent(current.path()), target);
            if (resolved == null) {
                problems.add(unresolved(link, "leads to " + SignatureFindings.quoted(target) + ", outside the model"));
                return null;
            }
            current = byPath.get(resolved);
            if (current == null) {
                problems.add(unresolved(
                        link,
                        "leads to " + SignatureFindings.quoted(resolved) + ", which is not a file of the model"
                                + " (links to folders are not followed)"));
                return null;
            }
        }
        if (current.symlink()) {
            problems.add(unresolved(link, "leads through more than " + MAX_LINK_HOPS + " links"));
            return null;
        }
        return current;
    }

    private static String linkTarget(ModelTree tree, ModelFile link) throws IOException {
        try (InputStream in = tree.open(link.path())) {
            return new String(in.readNBytes(MAX_LINK_TARGET_BYTES), StandardCharsets.UTF_8);
        }
    }

    /** {@code target} taken from folder {@code base}, with "." and ".." applied; null when it leaves the model. */
    private static String normalize(String base, String target) {
        Deque<String> segments = new ArrayDeque<>();
        String joined = base.isEmpty() ? target : base + "/" + target;
        for (String segment : joined.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                if (segments.isEmpty()) {
                    return null;
                }
                segments.removeLast();
            } else {
                segments.addLast(segment);
            }
        }
        return segments.isEmpty() ? null : String.join("/", segments);
    }

    private static Finding unresolved(ModelFile link, String detail) {
        return SignatureFindings.invalid(
                link.path(), SignatureRules.SYMLINK_UNRESOLVED, "a symbolic link that " + detail);
    }
}
