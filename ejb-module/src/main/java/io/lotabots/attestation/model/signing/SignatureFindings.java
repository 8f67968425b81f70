package io.lotabots.attestation.model.signing;

import io.lotabots.attestation.model.control.Finding;
import io.lotabots.attestation.model.control.ModelRisk;

/** Signature findings with the severity their status implies (see {@link SignatureRules}). */
final class SignatureFindings {

    private static final int MAX_ECHO = 100;

    private SignatureFindings() {}

    static Finding of(String file, String rule, SignatureStatus status, String detail) {
        return at(file, null, rule, status, detail);
    }

    static Finding at(String file, Long offset, String rule, SignatureStatus status, String detail) {
        ModelRisk severity = status == SignatureStatus.INVALID ? ModelRisk.SUSPICIOUS : ModelRisk.SAFE;
        return new Finding(file, null, offset, null, null, rule, severity, detail);
    }

    static Finding invalid(String file, String rule, String detail) {
        return of(file, rule, SignatureStatus.INVALID, detail);
    }

    static Finding note(String file, String rule, String detail) {
        return of(file, rule, SignatureStatus.VALID, detail);
    }

    /** A value from the signature file, quoted and cut short: details echo input, never megabytes of it. */
    static String quoted(String value) {
        if (value == null) {
            return "absent";
        }
        return "'" + (value.length() <= MAX_ECHO ? value : value.substring(0, MAX_ECHO) + "…") + "'";
    }
}
