package io.lotabots.testkit.tpm;

/** A swtpm or tpm2-tools command that failed, with what it printed. */
public class TpmCommandException extends RuntimeException {

    public TpmCommandException(String message) {
        super(message);
    }

    public TpmCommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
