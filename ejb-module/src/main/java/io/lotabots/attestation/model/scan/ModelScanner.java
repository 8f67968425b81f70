package io.lotabots.attestation.model.scan;

import io.lotabots.attestation.model.containers.EntryPaths;
import io.lotabots.attestation.model.control.Finding;
import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.pickle.PickleScanner;
import io.lotabots.attestation.model.source.TreeFileSource;
import io.lotabots.model.control.ModelFile;
import io.lotabots.model.control.ModelTree;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Scans a stored model: every file is read through the tree (streams and range reads, so memory stays bounded
 * whatever the size), its format detected from its bytes, checked by that format's rules, and pickles anywhere in it
 * (files, checkpoint records, archive members, byte strings inside pickles) run on the simulated unpickler. Files
 * an ONNX model names as external data are raw tensor bytes, not unknown content. Stateless and thread-safe: one
 * instance can scan many models at once.
 */
public final class ModelScanner {

    private static final String UNRECOGNIZED = "format.unrecognized";

    private final ScanLimits limits;
    private final ContentScanner content;

    public ModelScanner() {
        this(ScanLimits.defaults());
    }

    public ModelScanner(ScanLimits limits) {
        this.limits = limits;
        this.content = new ContentScanner(PickleScanner.standard());
    }

    public ModelScan scan(ModelTree tree) {
        List<ModelFile> files = tree.files();
        var siblings = new TreeSiblings(files);
        var paths = new EntryPaths("model");
        List<ScannedFile> scanned = new ArrayList<>();
        for (ModelFile file : files) {
            var findings = new Findings(file.path(), limits.maxFindingsPerFile());
            var context = ScanContext.forFile(file.path(), limits, findings, content, siblings);
            paths.check(context, file.path(), -1);
            ModelFormat format = file.symlink()
                    ? symlink(context, tree, file)
                    : content.scan(context, new TreeFileSource(tree, file));
            scanned.add(new ScannedFile(file.path(), format, findings.list()));
        }
        List<ScannedFile> result = new ArrayList<>();
        for (ScannedFile file : scanned) {
            result.add(
                    siblings.referenced.contains(file.path()) && file.format() == ModelFormat.UNKNOWN
                            ? externalData(file)
                            : file);
        }
        return new ModelScan(result);
    }

    /** A stored symbolic link: its bytes are its target; it is reported, never followed. */
    private static ModelFormat symlink(ScanContext context, ModelTree tree, ModelFile file) {
        String target = "?";
        try (InputStream in = tree.open(file.path())) {
            target = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
        } catch (IOException e) {
            context.report(
                    "file.read-error", ModelRisk.MALFORMED, "the link's target could not be read: " + e.getMessage());
        }
        EntryPaths.link(context, "model", file.path(), target, -1, false);
        return ModelFormat.SYMLINK;
    }

    private static ScannedFile externalData(ScannedFile file) {
        List<Finding> kept = file.findings().stream()
                .filter(f -> !(f.rule().equals(UNRECOGNIZED) && f.entry() == null))
                .toList();
        return new ScannedFile(file.path(), ModelFormat.ONNX_EXTERNAL_DATA, kept);
    }

    /** The model's files by path, and which of them ONNX models use as external data. */
    private static final class TreeSiblings implements SiblingFiles {
        private final Map<String, ModelFile> byPath = new LinkedHashMap<>();
        private final Set<String> referenced = new HashSet<>();

        TreeSiblings(List<ModelFile> files) {
            files.forEach(f -> byPath.put(f.path(), f));
        }

        @Override
        public Optional<ModelFile> find(String path) {
            return Optional.ofNullable(byPath.get(path));
        }

        @Override
        public void referenced(String path) {
            referenced.add(path);
        }
    }
}
