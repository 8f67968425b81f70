package io.lotabots.attestation.model.containers;

import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.scan.ScanContext;

/**
 * Watches decompression as it produces bytes and stops it at the first limit: the size the archive declared
 * (a member inflating past it is lying about itself), the compression ratio (a bomb), and what the file's scan may
 * still decompress across all nesting. Small outputs are exempt from the ratio: a kilobyte of zeros compresses
 * a hundredfold and harms nobody.
 */
final class InflationGuard {

    private static final long RATIO_EXEMPT = 1 << 20;

    private final ScanContext context;
    private final String name;
    private final long compressedSize;
    private final long declaredSize;
    private final long budget;
    private long produced;
    private boolean stopped;

    /** {@code declaredSize} is -1 when the container does not declare one. */
    InflationGuard(ScanContext context, String name, long compressedSize, long declaredSize) {
        this.context = context;
        this.name = name;
        this.compressedSize = compressedSize;
        this.declaredSize = declaredSize;
        this.budget = context.inflatedLeft();
    }

    /** Checks a declared size before anything is decompressed; false (reported) when it already breaks a limit. */
    boolean declaredFits() {
        if (declaredSize < 0) {
            return true;
        }
        if (declaredSize > RATIO_EXEMPT
                && declaredSize / Math.max(1, compressedSize) > context.limits().maxCompressionRatio()) {
            context.report(
                    "container.ratio",
                    ModelRisk.MALFORMED,
                    "'" + EntryPaths.shown(name) + "' declares " + declaredSize + " bytes from " + compressedSize
                            + " compressed, beyond the ratio of "
                            + context.limits().maxCompressionRatio()
                            + "; it was not decompressed");
            return false;
        }
        if (declaredSize > budget) {
            context.report(
                    "container.inflated-limit",
                    ModelRisk.MALFORMED,
                    "'" + EntryPaths.shown(name) + "' declares " + declaredSize + " bytes, more than the " + budget
                            + " this file's scan may still decompress; it was not decompressed");
            return false;
        }
        return true;
    }

    /** How many of {@code n} newly produced bytes may be kept; fewer (reported once) when a limit is reached. */
    long accept(long n) {
        if (stopped) {
            return 0;
        }
        long allowed = n;
        if (declaredSize >= 0 && produced + n > declaredSize) {
            stop("container.size-exceeded", "inflates past the " + declaredSize + " bytes it declares");
            allowed = declaredSize - produced;
        } else if (produced + n > ratioCap()) {
            stop(
                    "container.ratio",
                    "inflates beyond the ratio of " + context.limits().maxCompressionRatio());
            allowed = Math.max(0, ratioCap() - produced);
        } else if (produced + n > budget) {
            stop(
                    "container.inflated-limit",
                    "inflates past the " + budget + " bytes this file's scan may still " + "decompress");
            allowed = Math.max(0, budget - produced);
        }
        produced += allowed;
        return allowed;
    }

    private long ratioCap() {
        long ratio = context.limits().maxCompressionRatio();
        long cap = compressedSize > Long.MAX_VALUE / ratio ? Long.MAX_VALUE : compressedSize * ratio;
        return Math.max(RATIO_EXEMPT, cap);
    }

    boolean stopped() {
        return stopped;
    }

    long produced() {
        return produced;
    }

    /** Charges what was produced to the file's budget. */
    void charge() {
        context.inflated(produced);
    }

    private void stop(String rule, String what) {
        stopped = true;
        context.report(
                rule,
                ModelRisk.MALFORMED,
                "'" + EntryPaths.shown(name) + "' " + what
                        + "; decompression stopped there and only the bytes before were scanned");
    }
}
