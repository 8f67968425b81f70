package io.lotabots.devservices;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops a server that an earlier run started and could not stop because Maven was killed outright; it would
 * otherwise hold the data directory and make the next start fail.
 */
final class LeftoverProcess {

    private LeftoverProcess() {}

    /**
     * @param pidFile the pid file the server wrote into our data directory
     * @param commandMarker text its command line must contain, so a reused pid never kills a stranger
     */
    static void stopIfRunning(String name, Path pidFile, String commandMarker) throws IOException {
        Optional<ProcessHandle> leftover = readPid(pidFile)
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().commandLine().orElse("").contains(commandMarker));
        if (leftover.isEmpty()) {
            return;
        }
        ProcessHandle process = leftover.get();
        System.out.println(
                "[dev-services] Stopping " + name + " left running by an earlier run (pid " + process.pid() + ")");
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new IllegalStateException(name + " left running by an earlier run (pid " + process.pid()
                    + ") did not stop within 30 s; stop it (kill " + process.pid() + ") and try again");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping leftover " + name, e);
        }
    }

    static void write(Path pidFile, long pid) throws IOException {
        Files.writeString(pidFile, pid + System.lineSeparator());
    }

    private static Optional<Long> readPid(Path pidFile) throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        try {
            return lines.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NumberFormatException notAPid) {
            return Optional.empty();
        }
    }
}
