package io.lotabots.attestation.hardware.api;

/** The largest part a submission may carry, in bytes after decoding; the event log has its own limit. */
record PartLimits(int maxPartBytes, int maxEventLogBytes) {

    int of(String field) {
        return HardwareSubmissionReader.EVENT_LOG.equals(field) ? maxEventLogBytes : maxPartBytes;
    }
}
