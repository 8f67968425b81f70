package io.lotabots.platform.tracing;

import io.lotabots.platform.logging.TraceLogFields;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Shutdown;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;

/** Installs the server's OpenTelemetry for {@link Tracing} and puts trace and span ids on log lines. */
@ApplicationScoped
public class TracingStartup {

    @Inject
    OpenTelemetry openTelemetry;

    void start(@Observes Startup started) {
        Tracing.install(openTelemetry);
        TraceLogFields.register();
    }

    void stop(@Observes Shutdown stopping) {
        TraceLogFields.unregister();
    }
}
