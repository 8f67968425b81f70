package io.lotabots.attestation.model.scan;

import io.lotabots.attestation.model.containers.GzipStream;
import io.lotabots.attestation.model.containers.TarArchive;
import io.lotabots.attestation.model.containers.ZipArchive;
import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.formats.FormatSniffer;
import io.lotabots.attestation.model.formats.FormatSniffer.Kind;
import io.lotabots.attestation.model.formats.GgufCheck;
import io.lotabots.attestation.model.formats.NumpyCheck;
import io.lotabots.attestation.model.formats.OnnxCheck;
import io.lotabots.attestation.model.formats.PickleFileCheck;
import io.lotabots.attestation.model.formats.SafetensorsCheck;
import io.lotabots.attestation.model.formats.SentencePieceCheck;
import io.lotabots.attestation.model.formats.TextCheck;
import io.lotabots.attestation.model.formats.TorchZipCheck;
import io.lotabots.attestation.model.pickle.PickleOpcode;
import io.lotabots.attestation.model.pickle.PickleScanner;
import io.lotabots.attestation.model.source.ByteSource;
import io.lotabots.attestation.model.source.MalformedModelException;
import io.lotabots.attestation.model.source.ModelInput;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Detects what content is from its bytes and runs that format's checker on it; files, archive members and byte
 * strings nested in pickles all come through here. Whatever goes wrong while reading becomes a finding of at least
 * malformed: a parse error with its rule, an I/O error, or an unexpected failure of the scanner itself, so no
 * content that could not be read completely comes out of a scan looking safe.
 */
public final class ContentScanner implements MemberScanner {

    /** Names that promise one format; content of another is suspicious (scanners and loaders pick differently). */
    private static final Map<String, Set<ModelFormat>> PROMISES = Map.of(
            ".safetensors", Set.of(ModelFormat.SAFETENSORS),
            ".gguf", Set.of(ModelFormat.GGUF),
            ".onnx", Set.of(ModelFormat.ONNX),
            ".npy", Set.of(ModelFormat.NUMPY),
            ".npz", Set.of(ModelFormat.NUMPY_ARCHIVE, ModelFormat.ZIP));

    private final PickleScanner pickles;

    public ContentScanner(PickleScanner pickles) {
        this.pickles = pickles;
    }

    @Override
    public ModelFormat scan(ScanContext context, ByteSource content) {
        ModelFormat format = ModelFormat.UNKNOWN;
        try {
            byte[] head;
            try (var in = new ModelInput(content, "file")) {
                head = in.bytes("head", (int) Math.min(FormatSniffer.HEAD, content.size()));
            }
            var sniff = FormatSniffer.sniff(head, content.size());
            format = formatOf(context, content, sniff, head);
            format = check(context, content, format, sniff);
            polyglot(context, content, format, head);
        } catch (MalformedModelException e) {
            context.report(e);
        } catch (IOException e) {
            context.report("file.read-error", ModelRisk.MALFORMED, "the content could not be read: " + e.getMessage());
        } catch (RuntimeException e) {
            context.report(
                    "scan.internal-error",
                    ModelRisk.MALFORMED,
                    "the scanner failed on this content (" + e.getClass().getSimpleName() + "); it was not read "
                            + "completely");
        }
        promise(context, format);
        return format;
    }

    /** The format the content will be checked as (undetermined content is tried as a pickle, then by name). */
    private ModelFormat formatOf(ScanContext context, ByteSource content, FormatSniffer.Sniff sniff, byte[] head) {
        return switch (sniff.kind()) {
            case EMPTY -> ModelFormat.TEXT;
            case ZIP -> ModelFormat.ZIP;
            case GGUF -> ModelFormat.GGUF;
            case NUMPY -> ModelFormat.NUMPY;
            case PICKLE -> context.data() && !pickles.isPickle(context, content)
                    ? ModelFormat.UNKNOWN
                    : ModelFormat.PICKLE;
            case GZIP -> ModelFormat.GZIP;
            case SAFETENSORS -> ModelFormat.SAFETENSORS;
            case TAR -> ModelFormat.TAR;
            case ONNX -> ModelFormat.ONNX;
            case UNSUPPORTED -> ModelFormat.UNSUPPORTED;
            case UNDETERMINED -> {
                if (PickleOpcode.of(head[0] & 0xFF) != null && pickles.isPickle(context, content)) {
                    yield ModelFormat.PICKLE;
                }
                Kind claimed = FormatSniffer.claimedByName(context.name());
                if (claimed == Kind.ONNX) {
                    yield ModelFormat.ONNX;
                }
                if (claimed == Kind.SAFETENSORS) {
                    yield ModelFormat.SAFETENSORS;
                }
                if (TextCheck.isText(content)) {
                    yield ModelFormat.TEXT;
                }
                yield SentencePieceCheck.isSentencePiece(content) ? ModelFormat.SENTENCEPIECE : ModelFormat.UNKNOWN;
            }
        };
    }

    private ModelFormat check(ScanContext context, ByteSource content, ModelFormat format, FormatSniffer.Sniff sniff)
            throws IOException {
        switch (format) {
            case ZIP -> {
                return zip(context, content);
            }
            case GGUF -> new GgufCheck().check(context, content);
            case NUMPY -> new NumpyCheck(pickles).check(context, content);
            case PICKLE -> {
                return new PickleFileCheck(pickles).check(context, content);
            }
            case GZIP -> GzipStream.scan(context, content);
            case SAFETENSORS -> new SafetensorsCheck().check(context, content);
            case TAR -> TarArchive.scan(context, content);
            case ONNX -> new OnnxCheck().check(context, content);
            case UNSUPPORTED -> context.report(
                    "format.unsupported",
                    ModelRisk.MALFORMED,
                    "the content is " + sniff.label() + ", which this scanner does not read; what it holds was not "
                            + "checked");
            case SENTENCEPIECE -> {
                // recognized as a whole: a vocabulary, nothing to report
            }
            case TEXT -> {
                if (context.name().toLowerCase(Locale.ROOT).endsWith(".py") && !context.data()) {
                    context.report(
                            "format.python-code",
                            ModelRisk.SUSPICIOUS,
                            "Python source: it runs when the model is loaded with trust_remote_code");
                }
            }
            case UNKNOWN -> {
                if (!context.data()) {
                    context.report(
                            "format.unrecognized",
                            ModelRisk.SUSPICIOUS,
                            "the content is no model format, archive or text this scanner knows; it was not checked");
                }
            }
            default -> throw new IllegalStateException("no checker for " + format);
        }
        return format;
    }

    /**
     * Content of another format whose bytes also make a pickle that imports something: {@code pickle.load} (or a
     * legacy {@code torch.load}) of the file would run it, so it is scanned as a pickle too.
     */
    private void polyglot(ScanContext context, ByteSource content, ModelFormat format, byte[] head) {
        if (format == ModelFormat.PICKLE
                || format == ModelFormat.PYTORCH_LEGACY
                || format == ModelFormat.TEXT
                || format == ModelFormat.UNKNOWN
                || head.length == 0
                || PickleOpcode.of(head[0] & 0xFF) == null) {
            return;
        }
        if (pickles.probe(context, content).imports() > 0) {
            context.report(
                    "format.pickle-polyglot",
                    ModelRisk.MALFORMED,
                    "the " + format + " content is also a pickle that imports code when loaded as one; it was "
                            + "scanned as a pickle too");
            new PickleFileCheck(pickles).check(context, content);
        }
    }

    private ModelFormat zip(ScanContext context, ByteSource content) throws IOException {
        var archive = ZipArchive.open(context, content);
        if (TorchZipCheck.isTorch(archive.members())) {
            return new TorchZipCheck(pickles).check(context, archive);
        }
        archive.scanMembers(Set.of());
        boolean numpy = !archive.members().isEmpty()
                && archive.members().stream().allMatch(e -> e.name().endsWith(".npy"));
        return numpy ? ModelFormat.NUMPY_ARCHIVE : ModelFormat.ZIP;
    }

    private static void promise(ScanContext context, ModelFormat format) {
        if (context.data()) {
            return;
        }
        String name = context.name().toLowerCase(Locale.ROOT);
        for (var promise : PROMISES.entrySet()) {
            if (name.endsWith(promise.getKey()) && !promise.getValue().contains(format)) {
                context.report(
                        "format.extension-mismatch",
                        ModelRisk.SUSPICIOUS,
                        "named " + promise.getKey() + " but the content is " + format + ": tools that trust the name "
                                + "and loaders that trust the bytes disagree");
            }
        }
    }
}
