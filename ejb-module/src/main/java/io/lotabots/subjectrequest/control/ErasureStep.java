package io.lotabots.subjectrequest.control;

/**
 * The erasure's steps in the order they run. Each is idempotent (S3 objects are deleted before the rows
 * that name them, and deleting what is gone is no error), so a job that failed or died resumes at the
 * first step it had not finished.
 */
public enum ErasureStep {
    /** Earlier exports of the subject: the archives in S3 (and their data keys). */
    EXPORTS,
    /** Documents the subject created: every version's object, then the rows; their name on others' versions. */
    DOCUMENTS,
    /** Models the subject uploaded: files and rows (quota freed, each deletion audited). */
    MODELS,
    /** The subject's consent records and states; their name on records they made for others. */
    CONSENTS,
    /** Attestations they submitted and reviews they wrote keep only the pseudonymous id. */
    ATTESTATIONS,
    /** The account: sessions ended, roles removed, username replaced by the pseudonym, password unusable. */
    ACCOUNT,
    /** Their name on other data-subject requests (as requester or decider). */
    REQUESTS,
    /**
     * Their personal values in format-2 audit events (as actor or target) replaced by the pseudonym, the secrets
     * of the digests dropped; last, so the events the earlier steps wrote about them are covered too.
     */
    AUDIT_EVENTS;

    public static ErasureStep at(int index) {
        return values()[index];
    }
}
