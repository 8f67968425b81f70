package io.lotabots.attestation.model.scan;

/**
 * How far one file's scan may go, so a crafted file costs bounded time, memory and disk: nesting depth (archives
 * in archives, pickles in byte strings), archive members across all nesting, bytes produced by decompression
 * across all nesting, the compression ratio a member may declare or reach, values one pickle stream may hold
 * (stack, memo and tracked container items), and findings kept per file (the rest are counted in one summary
 * finding that carries their worst severity). Content beyond a limit is never judged safe: it is a finding.
 */
public record ScanLimits(
        int maxDepth,
        int maxEntries,
        long maxInflatedBytes,
        int maxCompressionRatio,
        int maxPickleValues,
        int maxFindingsPerFile) {

    public ScanLimits {
        if (maxDepth < 1
                || maxEntries < 1
                || maxInflatedBytes < 1
                || maxCompressionRatio < 2
                || maxPickleValues < 1000
                || maxFindingsPerFile < 10) {
            throw new IllegalArgumentException("scan limits too small: " + this);
        }
    }

    /** Generous for real checkpoints (torch zips nest one level, tokenizer archives two), tight for bombs. */
    public static ScanLimits defaults() {
        return new ScanLimits(6, 100_000, 32L << 30, 200, 4_000_000, 500);
    }
}
