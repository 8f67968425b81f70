package io.lotabots.devservices;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeftoverProcessTest {

    @TempDir
    Path dir;

    @Test
    void stopsAServerAnEarlierRunLeftBehind() throws Exception {
        Process leftover = new ProcessBuilder("sleep", "300").start();
        Path pidFile = dir.resolve("server.pid");
        LeftoverProcess.write(pidFile, leftover.pid());

        LeftoverProcess.stopIfRunning("sleeper", pidFile, "sleep");

        assertTrue(leftover.waitFor(10, TimeUnit.SECONDS));
    }

    @Test
    void leavesAProcessAloneWhoseCommandLineDoesNotMatch() throws Exception {
        Process stranger = new ProcessBuilder("sleep", "300").start();
        try {
            Path pidFile = dir.resolve("server.pid");
            LeftoverProcess.write(pidFile, stranger.pid());

            LeftoverProcess.stopIfRunning("redis", pidFile, "redis-server");

            assertTrue(stranger.isAlive());
        } finally {
            stranger.destroyForcibly();
        }
    }

    @Test
    void ignoresAMissingOrGarbledPidFile() throws IOException {
        Path garbled = dir.resolve("garbled.pid");
        Files.writeString(garbled, "not a pid\n");

        assertDoesNotThrow(() -> LeftoverProcess.stopIfRunning("x", dir.resolve("absent.pid"), "x"));
        assertDoesNotThrow(() -> LeftoverProcess.stopIfRunning("x", garbled, "x"));
        assertFalse(Files.exists(dir.resolve("absent.pid")));
    }
}
