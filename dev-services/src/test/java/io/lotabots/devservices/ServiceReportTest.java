package io.lotabots.devservices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceReportTest {

    @TempDir
    Path dir;

    @Test
    void writesEveryVariableAndTheChaosControlUrl() throws IOException {
        Path file = dir.resolve("target/dev-services.properties");

        ServiceReport.write(
                file,
                Map.of(LibertyVariable.REDIS_URL, "redis://127.0.0.1:41000", LibertyVariable.DB_PASSWORD, ""),
                Optional.of(URI.create("http://127.0.0.1:41002/")));

        Properties report = load(file);
        assertEquals("redis://127.0.0.1:41000", report.getProperty("lotabots.redis.url"));
        assertEquals("", report.getProperty("lotabots.db.password"));
        assertEquals("http://127.0.0.1:41002/", report.getProperty("chaos.control.url"));
    }

    @Test
    void leavesOutTheChaosControlUrlWithoutChaosProxies() throws IOException {
        Path file = dir.resolve("report.properties");

        ServiceReport.write(file, Map.of(LibertyVariable.REDIS_URL, "redis://127.0.0.1:6379"), Optional.empty());

        assertNull(load(file).getProperty("chaos.control.url"));
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            properties.load(in);
        }
        return properties;
    }
}
