package io.lotabots.testkit.tpm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs tpm2-tools commands against one simulator, each followed by flushing transient objects. */
final class Tpm2Tools {

    private static final long TIMEOUT_SECONDS = 60;

    private final Path workDir;
    private final String tcti;

    Tpm2Tools(Path workDir, int port) {
        this.workDir = workDir;
        this.tcti = "swtpm:host=127.0.0.1,port=" + port;
    }

    /** Runs {@code tpm2_<tool> args…} and returns its standard output; throws with its output if it fails. */
    String run(String tool, String... args) {
        try {
            return exec(tool, args);
        } finally {
            // without a resource manager the TPM's few object slots fill up after a handful of commands
            exec("flushcontext", "-t");
        }
    }

    private String exec(String tool, String... args) {
        var command = new ArrayList<String>(List.of("tpm2_" + tool));
        command.addAll(List.of(args));
        return Processes.run(command, workDir, tcti);
    }

    static final class Processes {

        private Processes() {}

        static String run(List<String> command, Path workDir, String tcti) {
            var builder =
                    new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
            if (tcti != null) {
                builder.environment().put("TPM2TOOLS_TCTI", tcti);
            }
            try {
                var process = builder.start();
                process.getOutputStream().close();
                byte[] output = process.getInputStream().readAllBytes();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new TpmCommandException(String.join(" ", command) + ": timed out");
                }
                String text = new String(output, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    throw new TpmCommandException(
                            String.join(" ", command) + ": exit " + process.exitValue() + "\n" + text);
                }
                return text;
            } catch (IOException e) {
                throw new TpmCommandException(
                        "cannot run " + command.get(0) + " (are swtpm, swtpm-tools and tpm2-tools installed?)", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TpmCommandException("interrupted: " + command, e);
            }
        }
    }
}
