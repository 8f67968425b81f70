package io.lotabots.document.boundary;

/** A document's file name as a client sends it: a name (no path), used for Content-Disposition on download. */
final class FileNames {

    static final int MAX = 255;

    private FileNames() {}

    /** The name, or null for none; a refusal naming {@code file} for a path, control characters or length. */
    static String checked(String fileName) {
        if (fileName == null || fileName.isBlank()) {
            return null;
        }
        if (fileName.length() > MAX) {
            throw DocumentRefusals.invalid("file", "file name is longer than " + MAX + " characters");
        }
        if (fileName.contains("/") || fileName.contains("\\")) {
            throw DocumentRefusals.invalid("file", "file name has a path; send the file's own name");
        }
        if (fileName.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw DocumentRefusals.invalid("file", "file name contains a control character");
        }
        return fileName;
    }
}
