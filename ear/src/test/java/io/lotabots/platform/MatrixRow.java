package io.lotabots.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** One endpoint of docs/access-matrix.md, the table web-api's AccessMatrixTest generates from the code. */
record MatrixRow(String method, String path, String body, boolean isPublic, Set<String> roles) {

    static final Path FILE = Path.of(System.getProperty("access.matrix", "../docs/access-matrix.md"));

    boolean allows(String role) {
        return isPublic || roles.contains(role);
    }

    boolean hasIds() {
        return path.contains("{");
    }

    /** Rows are read by their column names, so the table may gain columns without breaking the walk. */
    static List<MatrixRow> readAll() {
        List<String> lines;
        try {
            lines = Files.readAllLines(FILE, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("No access matrix at " + FILE.toAbsolutePath(), e);
        }
        int header = indexOfHeader(lines);
        var columns = cells(lines.get(header));
        var rows = new ArrayList<MatrixRow>();
        for (String line : lines.subList(header + 2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            var cells = cells(line);
            var roles = new TreeSet<String>();
            for (int i = columns.indexOf("Public") + 1; i < columns.size(); i++) {
                if (cells.get(i).equals("✓")) {
                    roles.add(columns.get(i));
                }
            }
            rows.add(new MatrixRow(
                    cells.get(columns.indexOf("Method")),
                    cells.get(columns.indexOf("Path")).replace("`", ""),
                    cells.get(columns.indexOf("Body")),
                    cells.get(columns.indexOf("Public")).equals("public"),
                    roles));
        }
        return rows;
    }

    private static int indexOfHeader(List<String> lines) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("| Method |")) {
                return i;
            }
        }
        throw new IllegalStateException(FILE + " has no table starting with '| Method |'");
    }

    private static List<String> cells(String line) {
        var inner = line.strip().substring(1, line.strip().length() - 1);
        return Arrays.stream(inner.split("\\|", -1)).map(String::strip).toList();
    }
}
