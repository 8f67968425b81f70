package io.lotabots.attestation.console;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reason codes as a reviewer reads them: {@code NONCE_REUSED} becomes "Nonce reused". */
final class ReasonText {

    private ReasonText() {}

    static String of(List<String> codes) {
        return codes.stream().map(ReasonText::of).collect(Collectors.joining("; "));
    }

    static String of(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String words = code.strip().toLowerCase(Locale.ROOT).replace('_', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
