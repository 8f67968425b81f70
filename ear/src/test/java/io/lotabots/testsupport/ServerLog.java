package io.lotabots.testsupport;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** The test server's JSON log (messages.log and its rolled-over predecessors), as a log pipeline reads it. */
public final class ServerLog {

    private static final Path LOGS = Path.of(
            System.getProperty("liberty.servers.dir", "target/liberty/wlp/usr/servers"),
            System.getProperty("liberty.server.name", "lotabots"),
            "logs");

    private ServerLog() {}

    /** The records of every line that contains {@code text}. */
    public static List<JsonObject> recordsContaining(String text) {
        var records = new ArrayList<JsonObject>();
        try (Stream<Path> files = Files.list(LOGS)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("messages"))
                    .sorted()
                    .toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (line.contains(text)) {
                        try (var reader = Json.createReader(new StringReader(line))) {
                            records.add(reader.readObject());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }
}
