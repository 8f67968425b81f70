package io.lotabots.attestation.console;

/** Lumo badge themes and text colours for outcomes: green for good, red for bad, grey for neither. */
final class Badges {

    private Badges() {}

    static String of(String outcome) {
        return switch (tone(outcome)) {
            case 1 -> "badge success";
            case -1 -> "badge error";
            default -> "badge contrast";
        };
    }

    static String color(String outcome) {
        return switch (tone(outcome)) {
            case 1 -> "var(--lumo-success-text-color)";
            case -1 -> "var(--lumo-error-text-color)";
            default -> "var(--lumo-secondary-text-color)";
        };
    }

    private static int tone(String outcome) {
        if (outcome == null) {
            return 0;
        }
        return switch (outcome) {
            case "PASSED", "VERIFIED", "AFFIRMING", "ACCEPTED", "ACTIVE", "VALID", "SAFE" -> 1;
            case "FAILED",
                    "REJECTED",
                    "CONTRAINDICATED",
                    "FLAGGED",
                    "INVALID",
                    "UNKNOWN_KEY",
                    "MALFORMED",
                    "UNSAFE" -> -1;
            default -> 0;
        };
    }
}
