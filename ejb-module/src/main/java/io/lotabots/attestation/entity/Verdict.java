package io.lotabots.attestation.entity;

import java.util.Locale;

/** An appraisal's verdict, in the words of EAR's {@code ear.status} (draft-ietf-rats-ear). */
public enum Verdict {
    AFFIRMING,
    WARNING,
    CONTRAINDICATED;

    /** The {@code ear.status} value. */
    public String earStatus() {
        return name().toLowerCase(Locale.ROOT);
    }
}
