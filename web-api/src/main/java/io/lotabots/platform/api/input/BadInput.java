package io.lotabots.platform.api.input;

import io.lotabots.platform.api.problem.Problem.FieldError;
import java.util.List;

/** The 400 answers of this package: a body that cannot be read at all, or fields, parameters, headers at fault. */
final class BadInput {

    private BadInput() {}

    /** The body is not what its Content-Type says (encoding, syntax, trailing bytes); {@code where} names the place. */
    static InvalidInput malformedBody(String detail, String where, String message) {
        return InvalidInput.unreadableBody(detail, where, message);
    }

    /** One field, parameter or header at fault. */
    static InvalidInput invalid(String field, String message) {
        return InvalidInput.fields(List.of(new FieldError(printable(field), message)));
    }

    /** A name that is safe to echo: what the client sent, with characters that cannot be shown replaced. */
    static String printable(String name) {
        var out = new StringBuilder(Math.min(name.length(), 100));
        name.codePoints()
                .limit(100)
                .forEach(c -> out.appendCodePoint(
                        c == 0 || Character.isSurrogate((char) c) && c <= 0xFFFF || Character.isISOControl(c)
                                ? 0xFFFD
                                : c));
        return out.toString();
    }
}
