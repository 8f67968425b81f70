package io.lotabots.attestation.model.signing;

import io.lotabots.attestation.model.control.Finding;

/** Why verification stopped: the status it ends in and the one finding that says why. */
final class SignatureRejection extends Exception {

    private final SignatureStatus status;
    private final String rule;

    private SignatureRejection(SignatureStatus status, String rule, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.rule = rule;
    }

    static SignatureRejection invalid(String rule, String detail) {
        return new SignatureRejection(SignatureStatus.INVALID, rule, detail);
    }

    static SignatureRejection unsupported(String rule, String detail) {
        return new SignatureRejection(SignatureStatus.UNSUPPORTED, rule, detail);
    }

    SignatureStatus status() {
        return status;
    }

    String rule() {
        return rule;
    }

    Finding finding(String file) {
        return SignatureFindings.of(file, rule, status, getMessage());
    }
}
