package io.lotabots.devservices;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;

/** The configDropins override that points the Liberty server at the services dev-services provides. */
final class LibertyOverrides {

    private LibertyOverrides() {}

    static Path location(Path serverDir) {
        return serverDir.resolve("configDropins").resolve("overrides").resolve("dev-services.xml");
    }

    /** Writes the variables, or deletes a stale file when there are none (everything is external). */
    static Path write(Path serverDir, Map<LibertyVariable, String> variables) throws IOException {
        Path file = location(serverDir);
        if (variables.isEmpty()) {
            Files.deleteIfExists(file);
            return file;
        }
        Files.createDirectories(file.getParent());
        // Liberty reads only *.xml from configDropins, so it never sees the half-written temporary file.
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, xml(variables), StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    static String xml(Map<LibertyVariable, String> variables) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<!-- Written by dev-services on every start: local services for this server. -->\n")
                .append("<server>\n");
        variables.forEach((variable, value) -> xml.append("    <variable name=\"")
                .append(escape(variable.key()))
                .append("\" value=\"")
                .append(escape(value))
                .append("\"/>\n"));
        return xml.append("</server>\n").toString();
    }

    /** Escapes for a double-quoted attribute; line breaks and tabs as references so parsers keep them. */
    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                case '\t', '\n', '\r' -> escaped.append("&#").append(c).append(';');
                default -> {
                    if (c < 0x20 || (c >= 0xD800 && c <= 0xDFFF) || c == 0xFFFE || c == 0xFFFF) {
                        throw new IllegalArgumentException(
                                "character U+" + Integer.toHexString(c) + " cannot appear in XML");
                    }
                    escaped.appendCodePoint(c);
                }
            }
        });
        return escaped.toString();
    }
}
