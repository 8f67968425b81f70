package io.lotabots.attestation.entity;

import java.util.Locale;

/** What kind of evidence a job appraises; the lower-case name is its EAR submodule and its metric tag. */
public enum AttestationType {
    HARDWARE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
