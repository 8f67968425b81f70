package io.lotabots.attestation.model.scan;

import io.lotabots.attestation.model.control.Finding;
import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.source.ByteSource;
import io.lotabots.attestation.model.source.MalformedModelException;

/**
 * Where a check is (the model file, the entry path through archives and nested byte strings, the nesting depth)
 * and where its findings go. Checkers report through it, so every finding names its file and entry; members are
 * scanned through it, so nesting is counted against the file's {@link ScanLimits}.
 */
public final class ScanContext {

    private static final String NESTING = "!/";

    private final String file;
    private final String entry;
    private final int depth;
    private final ScanLimits limits;
    private final ScanBudget budget;
    private final Findings findings;
    private final MemberScanner members;
    private final SiblingFiles siblings;
    private final boolean data;

    private ScanContext(
            String file,
            String entry,
            int depth,
            ScanLimits limits,
            ScanBudget budget,
            Findings findings,
            MemberScanner members,
            SiblingFiles siblings,
            boolean data) {
        this.file = file;
        this.entry = entry;
        this.depth = depth;
        this.limits = limits;
        this.budget = budget;
        this.findings = findings;
        this.members = members;
        this.siblings = siblings;
        this.data = data;
    }

    /** The context of one model file at the top of its scan. */
    public static ScanContext forFile(
            String file, ScanLimits limits, Findings findings, MemberScanner members, SiblingFiles siblings) {
        return new ScanContext(file, null, 0, limits, new ScanBudget(limits), findings, members, siblings, false);
    }

    public String file() {
        return file;
    }

    /** The path inside archives and byte strings, {@code null} for the file itself. */
    public String entry() {
        return entry;
    }

    public int depth() {
        return depth;
    }

    public ScanLimits limits() {
        return limits;
    }

    /** The model's other files, or {@code null} inside an archive, where paths are the archive's own. */
    public SiblingFiles siblings() {
        return siblings;
    }

    public void report(String rule, ModelRisk severity, String detail) {
        findings.add(new Finding(file, entry, null, null, null, rule, severity, detail));
    }

    public void report(String rule, ModelRisk severity, long offset, String detail) {
        findings.add(new Finding(file, entry, offset < 0 ? null : offset, null, null, rule, severity, detail));
    }

    /** A pickle finding: the opcode at {@code offset} and, for imports and calls, the global it names. */
    public void reportOpcode(
            long offset, String opcode, String global, String rule, ModelRisk severity, String detail) {
        findings.add(new Finding(file, entry, offset, opcode, global, rule, severity, detail));
    }

    /** Content that could not be read as what it claims: at least malformed, never silently skipped. */
    public void report(MalformedModelException problem) {
        report(problem.rule(), ModelRisk.MALFORMED, problem.offset(), problem.detail());
    }

    /** The same place with its findings going elsewhere, for a trial parse whose findings may be dropped. */
    public ScanContext withFindings(Findings other) {
        return new ScanContext(file, entry, depth, limits, budget, other, members, siblings, data);
    }

    public Findings findings() {
        return findings;
    }

    /**
     * Scans content found inside this content under the entry name {@code name}. Too deep a nesting is a finding
     * and the content is not scanned.
     */
    public ModelFormat scanMember(String name, ByteSource content) {
        return nested(name, content, false);
    }

    /**
     * Scans bytes that are data in their container (a byte string in a pickle, a raw storage): they are opened if
     * they are a known format, and are no finding when they are not.
     */
    public ModelFormat scanData(String name, ByteSource content) {
        return nested(name, content, true);
    }

    /** True for content that may be plain bytes: an unknown format is then no finding. */
    public boolean data() {
        return data;
    }

    /**
     * The context of content inside this content (a member a format reads itself, such as torch's {@code
     * data.pkl}); null, reported, when it is nested too deep to be read.
     */
    public ScanContext member(String name) {
        return inner(name, false);
    }

    private ModelFormat nested(String name, ByteSource content, boolean asData) {
        ScanContext inner = inner(name, asData);
        return inner == null ? ModelFormat.UNKNOWN : members.scan(inner, content);
    }

    private ScanContext inner(String name, boolean asData) {
        if (depth + 1 > limits.maxDepth()) {
            report(
                    "container.too-deep",
                    ModelRisk.MALFORMED,
                    "'" + name + "' is nested " + (depth + 1) + " levels deep, more than the " + limits.maxDepth()
                            + " scanned; its content was not read");
            return null;
        }
        return new ScanContext(
                file,
                entry == null ? name : entry + NESTING + name,
                depth + 1,
                limits,
                budget,
                findings,
                members,
                null,
                asData);
    }

    /** The last path component of this content's name (the entry's, else the file's), for format hints. */
    public String name() {
        String path = entry == null ? file : entry;
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** Counts one archive member against the file's limit; false (and reported once by the caller) when spent. */
    public boolean takeEntry() {
        return budget.takeEntry();
    }

    /** Bytes decompression may still produce for this file. */
    public long inflatedLeft() {
        return budget.inflatedLeft();
    }

    public void inflated(long bytes) {
        budget.inflated(bytes);
    }
}
