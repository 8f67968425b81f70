package io.lotabots.attestation.model.signing;

/**
 * The rule ids of signature findings. Findings that make a signature {@code INVALID} carry severity
 * {@code SUSPICIOUS} (the files are not what a trusted signer signed, or the claim cannot be checked); findings
 * of an {@code UNSUPPORTED} signature and notes carry {@code SAFE}. The signature's own pass or fail is its status,
 * which the model policy weighs.
 */
public final class SignatureRules {

    // the signature file
    public static final String BUNDLE_TOO_LARGE = "signature.bundle-too-large";
    public static final String BUNDLE_MALFORMED = "signature.bundle-malformed";
    public static final String BUNDLE_MEDIA_TYPE = "signature.bundle-media-type";
    public static final String KEYLESS_UNSUPPORTED = "signature.keyless-unsupported";
    public static final String PAYLOAD_TYPE = "signature.payload-type";
    // who signed
    public static final String KEY_UNTRUSTED = "signature.key-untrusted";
    public static final String KEY_DETAILS_MISMATCH = "signature.key-details-mismatch";
    public static final String KEY_UNSUPPORTED = "signature.key-unsupported";
    public static final String CERTIFICATE_EXPIRED = "signature.certificate-expired";
    public static final String CERTIFICATE_NOT_YET_VALID = "signature.certificate-not-yet-valid";
    public static final String CERTIFICATE_UNTRUSTED = "signature.certificate-untrusted";
    public static final String CERTIFICATE_USAGE = "signature.certificate-usage";
    public static final String SIGNATURE_MISMATCH = "signature.signature-mismatch";
    public static final String LEGACY_PAE = "signature.legacy-pae";
    public static final String TLOG_NOT_CHECKED = "signature.tlog-not-checked";
    // what was signed
    public static final String STATEMENT_MALFORMED = "signature.statement-malformed";
    public static final String STATEMENT_TYPE = "signature.statement-type";
    public static final String PREDICATE_DEPRECATED = "signature.predicate-deprecated";
    public static final String PREDICATE_TYPE_UNKNOWN = "signature.predicate-type-unknown";
    public static final String SERIALIZATION_UNKNOWN = "signature.serialization-unknown";
    public static final String HASH_UNSUPPORTED = "signature.hash-unsupported";
    public static final String HASH_UNKNOWN = "signature.hash-unknown";
    public static final String RESOURCE_MALFORMED = "signature.resource-malformed";
    public static final String IGNORE_PATH_INVALID = "signature.ignore-path-invalid";
    public static final String ROOT_DIGEST_MISMATCH = "signature.root-digest-mismatch";
    // the model's files against the signed manifest
    public static final String FILE_MISSING = "signature.file-missing";
    public static final String FILE_EXTRA = "signature.file-extra";
    public static final String FILE_UNSIGNED = "signature.file-unsigned";
    public static final String FILE_EXCLUDED = "signature.file-excluded";
    public static final String DIGEST_MISMATCH = "signature.digest-mismatch";
    public static final String SHARD_RANGE_MISMATCH = "signature.shard-range-mismatch";
    public static final String SYMLINK_NOT_ALLOWED = "signature.symlink-not-allowed";
    public static final String SYMLINK_UNRESOLVED = "signature.symlink-unresolved";
    // a defect of this verifier met by input nobody foresaw: the signature fails instead of the job
    public static final String UNREADABLE = "signature.unreadable";

    private SignatureRules() {}
}
