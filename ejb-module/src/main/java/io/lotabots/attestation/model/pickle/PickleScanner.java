package io.lotabots.attestation.model.pickle;

import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.pickle.PickleValue.Persistent;
import io.lotabots.attestation.model.scan.Findings;
import io.lotabots.attestation.model.scan.ScanContext;
import io.lotabots.attestation.model.source.ByteSource;
import io.lotabots.attestation.model.source.ModelInput;
import java.util.function.Consumer;

/**
 * Scans pickle streams and reports how they end: one stream where a format says one is (torch's {@code data.pkl},
 * a NumPy object array), or every stream of a file until its end, since loaders such as legacy {@code torch.load}
 * read several in a row and a second stream runs as surely as the first.
 */
public final class PickleScanner {

    private final GlobalPolicy policy;

    public PickleScanner(GlobalPolicy policy) {
        this.policy = policy;
    }

    public static PickleScanner standard() {
        return new PickleScanner(GlobalPolicy.standard());
    }

    /** Runs one stream from the input's position, reporting its imports and, if it fails, the failure. */
    public PickleStream scanOne(ScanContext context, ModelInput in, Consumer<Persistent> persistentIds) {
        PickleStream stream = new PickleMachine(in, context, policy, false, persistentIds).run();
        if (!stream.complete()) {
            reportProblem(context, stream, false);
        }
        return stream;
    }

    /**
     * Runs stream after stream from the input's position to its end, after a first complete stream: content that
     * fails at its first opcode is reported as trailing bytes. Returns the number of complete streams read.
     */
    public int scanRest(ScanContext context, ModelInput in, Consumer<Persistent> persistentIds) {
        int streams = 0;
        while (!in.atLimit()) {
            PickleStream stream = new PickleMachine(in, context, policy, false, persistentIds).run();
            if (!stream.complete()) {
                reportProblem(context, stream, stream.opcodes() <= 1);
                return streams;
            }
            streams++;
        }
        return streams;
    }

    /**
     * Whether content of no known format is a pickle: a trial run that reaches STOP or imports something a real
     * load would import. Its findings are dropped; a pickle is then scanned for real.
     */
    public boolean isPickle(ScanContext context, ByteSource content) {
        PickleStream stream = probe(context, content);
        return stream.complete() || stream.imports() > 0;
    }

    /** A trial run of the content's first stream in probe mode, its findings dropped. */
    public PickleStream probe(ScanContext context, ByteSource content) {
        var trial = context.withFindings(new Findings(context.file(), 10));
        try (var in = new ModelInput(content, "pickle")) {
            return new PickleMachine(in, trial, policy, true, null).run();
        }
    }

    private static void reportProblem(ScanContext context, PickleStream stream, boolean trailing) {
        var problem = stream.problem();
        long offset = problem.offset() >= 0 ? problem.offset() : stream.start();
        if (trailing) {
            context.reportOpcode(
                    stream.start(),
                    null,
                    null,
                    "pickle.trailing-bytes",
                    ModelRisk.MALFORMED,
                    "the bytes from offset " + stream.start() + " after the last complete pickle are not a pickle ("
                            + problem.detail() + ")");
            return;
        }
        context.reportOpcode(
                offset,
                stream.failedOpcode() == null ? null : stream.failedOpcode().name(),
                null,
                problem.rule(),
                ModelRisk.MALFORMED,
                "the pickle cannot be loaded past this point: " + problem.detail());
    }
}
