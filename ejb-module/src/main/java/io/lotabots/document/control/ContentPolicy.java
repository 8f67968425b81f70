package io.lotabots.document.control;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a document's declared type may be stored with the bytes it starts with: executables never; and
 * a type on the verified list only when the bytes carry that type's signature (a "PDF" that is not one).
 *
 * @param verifiedTypes media types (lower case, no parameters) whose signature must match
 */
public record ContentPolicy(Set<String> verifiedTypes) {

    /** Why the content is refused, or empty when it may be stored. */
    public Optional<String> refusal(String declaredType, SniffedType sniffed) {
        if (sniffed.executable()) {
            return Optional.of("starts like an executable (" + sniffed.mediaType() + "); executables are not stored");
        }
        String declared = essence(declaredType);
        if (verifiedTypes.contains(declared) && !declared.equals(sniffed.mediaType())) {
            return Optional.of("is declared as " + declared + " but its bytes are "
                    + (sniffed == SniffedType.UNKNOWN ? "not " + declared : sniffed.mediaType()));
        }
        return Optional.empty();
    }

    /** A media type without parameters, in lower case: {@code Text/Plain; charset=x} → {@code text/plain}. */
    public static String essence(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
    }
}
