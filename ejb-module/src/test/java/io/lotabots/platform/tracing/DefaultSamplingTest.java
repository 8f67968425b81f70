package io.lotabots.platform.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.trace.IdGenerator;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sampler the server's default configuration makes: its {@code otel.*} variables in server.xml, read
 * by OpenTelemetry's own autoconfiguration (as Liberty's mpTelemetry does), sample about 10 % of new
 * traces and follow a caller's decision either way.
 */
class DefaultSamplingTest {

    private static final Pattern VARIABLE =
            Pattern.compile("<variable name=\"(otel\\.[a-z.]+)\" defaultValue=\"([^\"]*)\"/>");
    private static final IdGenerator IDS = IdGenerator.random();
    private static AutoConfiguredOpenTelemetrySdk sdk;
    private static Sampler sampler;

    @BeforeAll
    static void serverDefaults() throws Exception {
        String serverXml = Files.readString(Path.of("../src/main/liberty/config/server.xml"));
        Map<String, String> defaults = new HashMap<>();
        var found = VARIABLE.matcher(serverXml);
        while (found.find()) {
            defaults.put(found.group(1), found.group(2));
        }
        assertEquals("none", defaults.get("otel.traces.exporter"), "nothing exported unless configured");
        sdk = AutoConfiguredOpenTelemetrySdk.builder()
                .addPropertiesSupplier(() -> defaults)
                .disableShutdownHook()
                .build();
        sampler = sdk.getOpenTelemetrySdk().getSdkTracerProvider().getSampler();
    }

    @AfterAll
    static void shutDown() {
        sdk.getOpenTelemetrySdk().close();
    }

    @Test
    void aboutOneNewTraceInTenIsSampled() {
        int traces = 20_000;
        int sampled = 0;
        for (int i = 0; i < traces; i++) {
            if (decide(Context.root(), IDS.generateTraceId()) == SamplingDecision.RECORD_AND_SAMPLE) {
                sampled++;
            }
        }
        // 10 % of 20,000 is 2,000 with a standard deviation of about 42: 1,800 to 2,200 is almost 5 of them
        assertTrue(sampled > 1_800 && sampled < 2_200, sampled + " of " + traces);
    }

    @Test
    void aSampledCallerIsAlwaysFollowed() {
        for (int i = 0; i < 1_000; i++) {
            String traceId = IDS.generateTraceId();
            assertEquals(SamplingDecision.RECORD_AND_SAMPLE, decide(caller(traceId, TraceFlags.getSampled()), traceId));
        }
    }

    @Test
    void aCallerThatDidNotSampleIsFollowedToo() {
        for (int i = 0; i < 1_000; i++) {
            String traceId = IDS.generateTraceId();
            assertEquals(SamplingDecision.DROP, decide(caller(traceId, TraceFlags.getDefault()), traceId));
        }
    }

    private static Context caller(String traceId, TraceFlags flags) {
        return Context.root()
                .with(Span.wrap(SpanContext.createFromRemoteParent(
                        traceId, IDS.generateSpanId(), flags, TraceState.getDefault())));
    }

    private static SamplingDecision decide(Context parent, String traceId) {
        return sampler.shouldSample(
                        parent, traceId, "GET /api/v1/attestations", SpanKind.SERVER, Attributes.empty(), List.of())
                .getDecision();
    }
}
