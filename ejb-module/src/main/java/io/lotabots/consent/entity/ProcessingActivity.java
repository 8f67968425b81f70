package io.lotabots.consent.entity;

/**
 * The platform's processing of a caller's personal data that a tenant may make depend on consent: each ties
 * the caller's identity to what they submit, kept with the verdicts that follow.
 */
public enum ProcessingActivity {
    /** Uploading a model records the uploader with the model. */
    MODEL_UPLOAD,
    /** Submitting a model for attestation records the submitter with the job and its verdict. */
    MODEL_ATTESTATION
}
