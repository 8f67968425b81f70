package io.lotabots.attestation.hardware.checks;

/** Why a hardware attestation was refused. Stable strings: clients and policies match on them. */
public enum ReasonCode {
    MALFORMED_EVIDENCE,
    BAD_MAGIC,
    WRONG_ATTEST_TYPE,
    SIGNATURE_INVALID,
    AK_ATTRIBUTES_INVALID,
    NONCE_UNKNOWN,
    NONCE_EXPIRED,
    NONCE_REUSED,
    NONCE_MISMATCH,
    PCR_SELECTION_MISMATCH,
    PCR_DIGEST_MISMATCH,
    EVENTLOG_MALFORMED,
    EVENTLOG_REPLAY_MISMATCH,
    PCR_POLICY_VIOLATION,
    AK_CERT_UNTRUSTED,
    AK_CERT_MISMATCH,
    EK_CERT_UNTRUSTED,
    DEVICE_NOT_ENROLLED,
    CLOCK_REGRESSION
}
