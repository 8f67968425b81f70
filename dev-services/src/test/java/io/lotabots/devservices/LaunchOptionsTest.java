package io.lotabots.devservices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    private static final Path WORKING_DIR = Path.of("/work/project");

    @Test
    void defaultsEverythingButTheServerDirectory() {
        LaunchOptions options = parse("--server-dir", "/srv/wlp/usr/servers/lotabots");

        assertEquals(Path.of("/srv/wlp/usr/servers/lotabots"), options.serverDir());
        assertEquals(Path.of("/work/project/.lotabots-data"), options.dataDir());
        assertEquals("lotabots", options.database());
        assertFalse(options.freshDatabase());
        assertFalse(options.chaosProxies());
        assertEquals(Optional.empty(), options.report());
    }

    @Test
    void readsEveryOptionAndResolvesRelativePathsAgainstTheWorkingDirectory() {
        LaunchOptions options = parse(
                "--server-dir",
                "ear/target/liberty/wlp/usr/servers/lotabots",
                "--data-dir",
                "/data",
                "--database",
                "lotabots_it",
                "--fresh-database",
                "--chaos-proxies",
                "--report",
                "ear/target/dev-services.properties");

        assertEquals(Path.of("/work/project/ear/target/liberty/wlp/usr/servers/lotabots"), options.serverDir());
        assertEquals(Path.of("/data"), options.dataDir());
        assertEquals("lotabots_it", options.database());
        assertTrue(options.freshDatabase());
        assertTrue(options.chaosProxies());
        assertEquals(Optional.of(Path.of("/work/project/ear/target/dev-services.properties")), options.report());
    }

    @Test
    void rejectsAnUnknownOptionNamingItAndTheUsage() {
        IllegalArgumentException rejected =
                assertThrows(IllegalArgumentException.class, () -> parse("--server-dir", "/s", "--fresh"));

        assertTrue(rejected.getMessage().contains("unknown option '--fresh'"), rejected.getMessage());
        assertTrue(rejected.getMessage().contains("--fresh-database"), rejected.getMessage());
    }

    @Test
    void rejectsAMissingServerDirectory() {
        IllegalArgumentException rejected =
                assertThrows(IllegalArgumentException.class, () -> parse("--chaos-proxies"));

        assertTrue(rejected.getMessage().startsWith("--server-dir is required"), rejected.getMessage());
    }

    @Test
    void rejectsAnOptionWhoseValueIsMissing() {
        IllegalArgumentException atEnd =
                assertThrows(IllegalArgumentException.class, () -> parse("--server-dir", "/s", "--data-dir"));
        IllegalArgumentException beforeNextOption = assertThrows(
                IllegalArgumentException.class, () -> parse("--server-dir", "/s", "--report", "--chaos-proxies"));
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> parse("--server-dir", ""));

        assertTrue(atEnd.getMessage().startsWith("--data-dir needs a value"), atEnd.getMessage());
        assertTrue(beforeNextOption.getMessage().startsWith("--report needs a value"), beforeNextOption.getMessage());
        assertTrue(empty.getMessage().startsWith("--server-dir needs a value"), empty.getMessage());
    }

    @Test
    void rejectsADatabaseNameThatWouldNeedQuoting() {
        assertThrows(IllegalArgumentException.class, () -> parse("--server-dir", "/s", "--database", "lota-bots"));
        assertThrows(IllegalArgumentException.class, () -> parse("--server-dir", "/s", "--database", "Lotabots"));
        assertThrows(
                IllegalArgumentException.class,
                () -> parse("--server-dir", "/s", "--database", "x\"; DROP DATABASE postgres; --"));
    }

    private static LaunchOptions parse(String... args) {
        return LaunchOptions.parse(args, WORKING_DIR);
    }
}
