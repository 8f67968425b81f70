package io.lotabots.consent.entity;

/** The lawful bases of GDPR Art. 6(1); only {@link #CONSENT} makes processing depend on a subject's grant. */
public enum LegalBasis {
    CONSENT,
    CONTRACT,
    LEGAL_OBLIGATION,
    VITAL_INTERESTS,
    PUBLIC_TASK,
    LEGITIMATE_INTERESTS
}
