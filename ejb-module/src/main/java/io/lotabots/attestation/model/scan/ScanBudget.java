package io.lotabots.attestation.model.scan;

/** What one file's scan has used of its {@link ScanLimits}, shared by every nesting level of that file. */
final class ScanBudget {

    private final ScanLimits limits;
    private int entries;
    private long inflated;

    ScanBudget(ScanLimits limits) {
        this.limits = limits;
    }

    /** Counts one archive member; false once the file has used up its members. */
    boolean takeEntry() {
        if (entries >= limits.maxEntries()) {
            return false;
        }
        entries++;
        return true;
    }

    long inflatedLeft() {
        return limits.maxInflatedBytes() - inflated;
    }

    void inflated(long bytes) {
        inflated += bytes;
    }
}
