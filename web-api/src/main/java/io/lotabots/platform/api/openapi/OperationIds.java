package io.lotabots.platform.api.openapi;

import java.util.Locale;

/**
 * The operation id of an operation whose annotation names none, made from its method and path
 * ({@code GET /api/v1/identity/users/{id}/roles} → {@code getIdentityUsersByIdRoles}): stable as
 * long as the path is, so generated clients keep their method names. Resources should name their
 * operations; this only keeps the document valid when one does not.
 */
final class OperationIds {

    private static final String API_BASE = "/api/v1/";

    private OperationIds() {}

    static String derive(String httpMethod, String path) {
        var id = new StringBuilder(httpMethod.toLowerCase(Locale.ROOT));
        String relative = path.startsWith(API_BASE) ? path.substring(API_BASE.length()) : path;
        for (String segment : relative.split("/")) {
            if (segment.startsWith("{") && segment.endsWith("}")) {
                id.append("By");
                appendWords(id, segment.substring(1, segment.length() - 1));
            } else {
                appendWords(id, segment);
            }
        }
        return id.toString();
    }

    /** Appends each run of letters and digits with its first letter in upper case. */
    private static void appendWords(StringBuilder id, String text) {
        for (String word : text.split("[^A-Za-z0-9]+")) {
            if (!word.isEmpty()) {
                id.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
            }
        }
    }
}
