package io.lotabots.attestation.hardware.checks;

/** One verification check: looks at the parsed evidence and the inputs, says passed, failed or skipped. */
public interface EvidenceCheck {

    /** The check's stable name, as reports and clients know it. */
    String name();

    CheckResult check(ParsedEvidence evidence);
}
