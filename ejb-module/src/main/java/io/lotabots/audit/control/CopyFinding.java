package io.lotabots.audit.control;

/**
 * What the signed checkpoint copies in S3 say against the database: {@code ROLLED_BACK} when S3 holds a
 * newer checkpoint than the database chain reaches (events and their checkpoints were removed from the
 * end), {@code DIVERGED} when the copy of the database's head differs from it, is missing or is not
 * validly signed. {@code sequence} is the first position the finding concerns.
 */
public record CopyFinding(Kind kind, long sequence, String objectKey, String detail) {

    public enum Kind {
        ROLLED_BACK,
        DIVERGED
    }
}
