package io.lotabots.platform.api.input;

import io.lotabots.platform.refusal.FieldProblem;
import io.lotabots.platform.refusal.Refusal;
import io.lotabots.platform.refusal.Refusal.Kind;
import java.util.List;

/**
 * What the checks of this package find wrong, as a plain value (they run without a JAX-RS runtime);
 * {@link #toRefusal()} is how the caller is answered.
 */
public class InvalidInput extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean unreadable;
    private final transient List<FieldProblem> errors;

    private InvalidInput(boolean unreadable, String detail, List<FieldProblem> errors) {
        super(detail, null, false, false);
        this.unreadable = unreadable;
        this.errors = List.copyOf(errors);
    }

    /** The body is not what its Content-Type says (encoding, syntax, trailing bytes). */
    static InvalidInput unreadableBody(String detail, String where, String message) {
        return new InvalidInput(true, detail, List.of(new FieldProblem(where, message)));
    }

    /** Fields, parameters or headers at fault, each named. */
    static InvalidInput fields(List<FieldProblem> errors) {
        return new InvalidInput(false, "The request has " + errors.size() + " invalid field(s).", errors);
    }

    /** One field, parameter or header at fault. */
    static InvalidInput field(String name, String message) {
        return fields(List.of(new FieldProblem(printable(name), message)));
    }

    /** A name that is safe to echo: what the client sent, at most 100 characters, those that cannot be shown replaced. */
    static String printable(String name) {
        var out = new StringBuilder(Math.min(name.length(), 100));
        name.codePoints()
                .limit(100)
                .forEach(c -> out.appendCodePoint(
                        c == 0 || c <= 0xFFFF && Character.isSurrogate((char) c) || Character.isISOControl(c)
                                ? 0xFFFD
                                : c));
        return out.toString();
    }

    public List<FieldProblem> errors() {
        return errors;
    }

    public Refusal toRefusal() {
        return unreadable
                ? Refusal.builder(Kind.INVALID_INPUT, "malformed-body", "Malformed request body")
                        .detail(getMessage())
                        .problems(errors)
                        .build()
                : Refusal.invalidInput(errors);
    }
}
