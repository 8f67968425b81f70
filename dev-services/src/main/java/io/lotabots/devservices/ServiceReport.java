package io.lotabots.devservices;

import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** The properties file that tells integration tests where every dependency and the chaos switchboard are. */
final class ServiceReport {

    static final String CHAOS_CONTROL_URL = "chaos.control.url";

    private ServiceReport() {}

    static void write(Path file, Map<LibertyVariable, String> variables, Optional<URI> chaosControl)
            throws IOException {
        Properties report = new Properties();
        variables.forEach((variable, value) -> report.setProperty(variable.key(), value));
        chaosControl.ifPresent(url -> report.setProperty(CHAOS_CONTROL_URL, url.toString()));
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        try (Writer out = Files.newBufferedWriter(file)) {
            report.store(out, "dev-services: where the server's dependencies are");
        }
    }
}
