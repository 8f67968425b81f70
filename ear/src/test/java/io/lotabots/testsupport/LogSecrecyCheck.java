package io.lotabots.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URLEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Run after the test server has stopped (verify phase): searches every log of the run (each server's
 * {@code logs/} under the servers directory: messages, console, trace, FFDC) for every secret the tests
 * recorded ({@link SecretsSeen}), as written and as JSON or a URL would carry it, and fails naming the
 * file and line of each one found. The secrets themselves are never printed.
 */
public final class LogSecrecyCheck {

    /** Each variant is looked up by its first characters, so a line is read once whatever the number of secrets. */
    private static final int KEY = 10;

    private LogSecrecyCheck() {}

    /** Arguments: the secrets file, the Liberty servers directory. */
    public static void main(String[] args) throws IOException {
        Path secretsFile = Path.of(args[0]);
        Path servers = Path.of(args[1]);
        if (!Files.exists(secretsFile)) {
            System.out.println(
                    "[lotabots] log check: the tests recorded no secrets (" + secretsFile + "), nothing to check");
            return;
        }
        var secrets = read(secretsFile);
        var logs = logs(servers);
        var findings = findings(secrets, logs);
        if (!findings.isEmpty()) {
            findings.forEach(f -> System.err.println("[lotabots] log check: " + f));
            throw new IllegalStateException(findings.size() + " log lines carry a secret or personal data of the tests,"
                    + " first: " + findings.get(0));
        }
        System.out.println("[lotabots] log check: none of " + secrets.size() + " secrets of the test run in "
                + logs.size() + " log files under " + servers);
    }

    /** One recorded secret and what kind it is. */
    public record Secret(String kind, String value) {
        /** The value itself shown only as its first characters and length. */
        String masked() {
            return kind + " " + value.substring(0, 3) + "…(" + value.length() + " chars)";
        }
    }

    /** Where the secrets occur in the logs: {@code file:line: kind masked-value}, in file and line order. */
    public static List<String> findings(List<Secret> secrets, List<Path> logs) throws IOException {
        Map<String, List<Variant>> byKey = new HashMap<>();
        for (Secret secret : secrets) {
            for (String form : forms(secret.value())) {
                if (form.length() >= KEY) {
                    byKey.computeIfAbsent(form.substring(0, KEY), k -> new ArrayList<>())
                            .add(new Variant(secret, form));
                }
            }
        }
        var findings = new ArrayList<String>();
        for (Path log : logs) {
            try (BufferedReader reader = reader(log)) {
                String line;
                int number = 0;
                while ((line = reader.readLine()) != null) {
                    number++;
                    for (int i = 0; i + KEY <= line.length(); i++) {
                        var candidates = byKey.get(line.substring(i, i + KEY));
                        if (candidates == null) {
                            continue;
                        }
                        for (Variant variant : candidates) {
                            if (line.startsWith(variant.form(), i)) {
                                findings.add(log + ":" + number + ": "
                                        + variant.secret().masked());
                            }
                        }
                    }
                }
            }
        }
        return findings;
    }

    private record Variant(Secret secret, String form) {}

    /** As written, JSON-escaped (Liberty's JSON logs escape "/" too), URL-encoded; a JWT's signature alone. */
    static Set<String> forms(String value) {
        var forms = new LinkedHashSet<String>();
        forms.add(value);
        forms.add(value.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/"));
        forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
        forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20"));
        String[] jwt = value.split("\\.");
        if (jwt.length == 3 && jwt[0].startsWith("eyJ")) {
            forms.add(jwt[2]);
        }
        return forms;
    }

    private static List<Secret> read(Path file) throws IOException {
        var secrets = new ArrayList<Secret>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                secrets.add(new Secret(line.substring(0, tab), line.substring(tab + 1)));
            }
        }
        return secrets;
    }

    private static List<Path> logs(Path servers) throws IOException {
        if (!Files.isDirectory(servers)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(servers)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> servers.relativize(f).toString().contains("/logs/"))
                    .sorted()
                    .toList();
        }
    }

    /** Logs are UTF-8 text; a stray byte (a binary FFDC dump) must not stop the search. */
    private static BufferedReader reader(Path log) throws IOException {
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return new BufferedReader(new InputStreamReader(Files.newInputStream(log), decoder));
    }
}
