package io.lotabots.attestation.model.source;

/**
 * Content that is not the structure it claims to be, found where reading cannot go on: the rule it breaks
 * (e.g. {@code safetensors.header-too-large}), the byte offset where it was found (or -1), and what was wrong.
 * Parsers throw it; the scanner turns it into a finding, so it never escapes a scan.
 */
public class MalformedModelException extends RuntimeException {

    private final String rule;
    private final long offset;

    public MalformedModelException(String rule, long offset, String detail) {
        super(detail);
        this.rule = rule;
        this.offset = offset;
    }

    public MalformedModelException(String rule, long offset, String detail, Throwable cause) {
        super(detail, cause);
        this.rule = rule;
        this.offset = offset;
    }

    public String rule() {
        return rule;
    }

    /** The offset in the content being read, or -1 when the problem has no single place. */
    public long offset() {
        return offset;
    }

    public String detail() {
        return getMessage();
    }
}
