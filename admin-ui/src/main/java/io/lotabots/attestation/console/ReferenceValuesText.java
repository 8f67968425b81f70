package io.lotabots.attestation.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reference values as people type them, one PCR a line: {@code sha256:7 = digest, digest}. Only the
 * shape is read here; whether the PCR is selected and the digests are hex is the boundary's call.
 */
final class ReferenceValuesText {

    private ReferenceValuesText() {}

    /** The values by {@code bank:index}; a line without {@code =} is an {@link IllegalArgumentException}. */
    static Map<String, List<String>> parse(String text) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (text == null) {
            return values;
        }
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                throw new IllegalArgumentException(
                        "line " + (i + 1) + " is not 'bank:index = digest, digest': " + line);
            }
            String key = line.substring(0, equals).strip();
            List<String> digests = new ArrayList<>(values.getOrDefault(key, List.of()));
            Arrays.stream(line.substring(equals + 1).split("[,\\s]+"))
                    .filter(d -> !d.isBlank())
                    .forEach(digests::add);
            values.put(key, List.copyOf(digests));
        }
        return values;
    }

    static String format(Map<String, List<String>> values) {
        return values.entrySet().stream()
                .map(e -> e.getKey() + " = " + String.join(", ", e.getValue()))
                .collect(Collectors.joining("\n"));
    }
}
