package io.lotabots.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Prometheus's own {@code promtool check metrics} (Debian's prometheus package) over an exposition. */
public final class Promtool {

    /** Its exit code (0 clean, 3 style problems, 1 unusable) and what it said. */
    public record Verdict(int exitCode, String output) {}

    private Promtool() {}

    public static Verdict checkMetrics(String exposition) {
        try {
            var process = new ProcessBuilder("promtool", "check", "metrics")
                    .redirectErrorStream(true)
                    .start();
            try (var in = process.getOutputStream()) {
                in.write(exposition.getBytes(StandardCharsets.UTF_8));
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("promtool did not finish");
            }
            return new Verdict(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException("promtool (Debian package prometheus) is needed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
