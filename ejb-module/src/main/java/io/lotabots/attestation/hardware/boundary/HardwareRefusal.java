package io.lotabots.attestation.hardware.boundary;

import io.lotabots.attestation.hardware.control.FieldProblem;
import jakarta.ejb.ApplicationException;
import java.util.List;

/**
 * A device, policy, model or quota request refused for a reason the caller can act on; nothing it started is
 * written. The REST layer turns each kind into its problem document.
 */
@ApplicationException(rollback = true, inherited = true)
public class HardwareRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong, with the HTTP status and problem type the API answers with. */
    public enum Kind {
        INVALID(400, "validation", "Invalid request"),
        NOT_FOUND(404, "not-found", "Not found"),
        CONFLICT(409, "conflict", "Conflict"),
        STALE(412, "precondition-failed", "Changed in the meantime"),
        TOO_LARGE(413, "payload-too-large", "Payload too large"),
        UNPROCESSABLE(422, "unprocessable-content", "Unprocessable content");

        public final int status;
        public final String slug;
        public final String title;

        Kind(int status, String slug, String title) {
            this.status = status;
            this.slug = slug;
            this.title = title;
        }
    }

    private final Kind kind;
    private final transient List<FieldProblem> problems;
    private final long currentVersion;

    private HardwareRefusal(Kind kind, String detail, List<FieldProblem> problems, long currentVersion) {
        super(detail);
        this.kind = kind;
        this.problems = List.copyOf(problems);
        this.currentVersion = currentVersion;
    }

    public static HardwareRefusal invalid(List<FieldProblem> problems) {
        return new HardwareRefusal(
                Kind.INVALID, "The request has " + problems.size() + " invalid field(s).", problems, -1);
    }

    public static HardwareRefusal notFound(String detail) {
        return new HardwareRefusal(Kind.NOT_FOUND, detail, List.of(), -1);
    }

    public static HardwareRefusal conflict(String detail) {
        return new HardwareRefusal(Kind.CONFLICT, detail, List.of(), -1);
    }

    /** Content over a configured size limit. */
    public static HardwareRefusal tooLarge(String detail) {
        return new HardwareRefusal(Kind.TOO_LARGE, detail, List.of(), -1);
    }

    /** Well-formed input whose content cannot be accepted (a bad archive entry); {@code problems} name it. */
    public static HardwareRefusal unprocessable(String detail, List<FieldProblem> problems) {
        return new HardwareRefusal(Kind.UNPROCESSABLE, detail, problems, -1);
    }

    public static HardwareRefusal stale(long currentVersion) {
        return new HardwareRefusal(
                Kind.STALE,
                "If-Match names another version; the latest is " + currentVersion + ".",
                List.of(),
                currentVersion);
    }

    public Kind kind() {
        return kind;
    }

    public List<FieldProblem> problems() {
        return problems;
    }

    /** For {@link Kind#STALE}: the version the client should read first. */
    public long currentVersion() {
        return currentVersion;
    }
}
