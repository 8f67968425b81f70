package io.lotabots.attestation;

import static io.lotabots.attestation.AttestationApi.accepted;
import static io.lotabots.attestation.AttestationApi.awaitVerdict;
import static io.lotabots.testsupport.OtlpReceiver.hex;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lotabots.testsupport.ApiClient;
import io.lotabots.testsupport.Eventually;
import io.lotabots.testsupport.OtlpReceiver;
import io.lotabots.testsupport.ServerLog;
import io.lotabots.testsupport.TestTenant;
import io.lotabots.testsupport.TestUser;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Span.SpanKind;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One hardware attestation's trace, received by a local OTLP collector from the test server (which
 * samples every new trace and exports at once): the request's span, the EJB calls, the queue message
 * sent and taken (the trace context travels in its properties), the job's processing with its S3 and
 * SQL calls, all one trace, with the business attributes and no secret. A caller's decision not to
 * sample is followed, and the log lines of a traced request carry its trace and span ids.
 */
class TracingIT {

    private static final String QUEUE = "lotabots.attestations";
    /** The brute-force threshold of the test server (the default). */
    private static final int LOCK_AFTER = 10;

    private static OtlpReceiver collector;
    private static TestTenant tenant;
    private static TestUser admin;
    private static String token;

    @BeforeAll
    static void collectorAndTenant() {
        collector = OtlpReceiver.start();
        AttestationApi.awaitApplication();
        tenant = TestTenant.create("tracing");
        admin = tenant.administrator();
        token = admin.tokens().getString("access_token");
    }

    @AfterAll
    static void stopCollector() {
        if (collector != null) {
            collector.close();
        }
    }

    @Test
    void oneAttestationIsOneTraceFromTheRequestThroughTheQueueToS3AndPostgres() {
        var api = ApiClient.withToken(token);
        byte[] nonce = AttestationApi.nonce(api);
        String location = accepted(AttestationApi.submit(
                api, AttestationApi.meaninglessEvidence(nonce).build()));
        String id = location.substring(location.lastIndexOf('/') + 1);
        var result = awaitVerdict(api, location);

        // the job's concluding call carries the verdict: once it is in, the trace is complete up to it
        Span concluded = awaitSpan(
                s -> "AttestationWork.conclude".equals(s.getName()) && id.equals(attr(s, "lotabots.attestation.id")));
        String traceId = hex(concluded.getTraceId().toByteArray());
        List<Span> trace = Eventually.await(
                Duration.ofSeconds(20),
                () -> collector.trace(traceId),
                spans -> spans.stream().anyMatch(s -> s.getKind() == SpanKind.SPAN_KIND_SERVER)
                        && spans.stream().anyMatch(s -> s.getName().equals(QUEUE + " process")),
                "the trace's request and message spans");
        Map<String, Span> byId =
                trace.stream().collect(Collectors.toMap(s -> hex(s.getSpanId().toByteArray()), s -> s, (a, b) -> a));
        String names = trace.stream().map(Span::getName).sorted().toList().toString();

        Span request = only(trace, s -> s.getKind() == SpanKind.SPAN_KIND_SERVER, "the request's span", names);
        assertTrue(request.getName().contains("/api/v1/attestations/hardware"), request.getName());
        assertTrue(request.getParentSpanId().isEmpty(), "the request starts the trace");

        Span submit = only(trace, s -> s.getName().equals("AttestationJobs.submit"), "the EJB call", names);
        assertTrue(descends(submit, request, byId), "the EJB call is under the request: " + names);
        assertEquals(tenant.id().toString(), attr(submit, "lotabots.tenant"));
        assertEquals("hardware", attr(submit, "lotabots.attestation.type"));
        assertEquals(id, attr(submit, "lotabots.attestation.id"));

        Span send = only(trace, s -> s.getName().equals(QUEUE + " publish"), "the message's send", names);
        assertEquals(SpanKind.SPAN_KIND_PRODUCER, send.getKind());
        assertTrue(descends(send, submit, byId), "sent for the submission: " + names);

        Span take = only(trace, s -> s.getName().equals(QUEUE + " process"), "the message's processing", names);
        assertEquals(SpanKind.SPAN_KIND_CONSUMER, take.getKind());
        assertEquals(send.getSpanId(), take.getParentSpanId(), "the message-driven bean's span is the send's child");

        assertTrue(descends(concluded, take, byId), "the job runs in the message's span: " + names);
        assertEquals(tenant.id().toString(), attr(concluded, "lotabots.tenant"));
        assertEquals("hardware", attr(concluded, "lotabots.attestation.type"));
        assertEquals(result.getString("status").toLowerCase(), attr(concluded, "lotabots.attestation.status"));
        assertTrue(
                List.of("affirming", "warning", "contraindicated")
                        .contains(attr(concluded, "lotabots.attestation.verdict")),
                "the verdict: " + concluded.getAttributesList());

        Span evidenceStored = only(
                trace,
                s -> s.getName().equals("S3.PutObject") && descends(s, submit, byId) && !descends(s, take, byId),
                "the evidence's upload",
                names);
        assertEquals(SpanKind.SPAN_KIND_CLIENT, evidenceStored.getKind());
        assertEquals("S3", attr(evidenceStored, "rpc.service"));
        assertTrue(
                trace.stream().anyMatch(s -> s.getName().equals("S3.PutObject") && descends(s, take, byId)),
                "the report's upload under the message's span: " + names);
        assertTrue(
                trace.stream().anyMatch(s -> "postgresql".equals(attr(s, "db.system")) && descends(s, submit, byId)),
                "SQL under the submission: " + names);
        List<Span> jobSql = trace.stream()
                .filter(s -> "postgresql".equals(attr(s, "db.system")) && descends(s, take, byId))
                .toList();
        assertFalse(jobSql.isEmpty(), "SQL under the message's span: " + names);
        assertTrue(
                trace.stream()
                        .anyMatch(s -> "INSERT".equals(attr(s, "db.operation"))
                                && s.getName().startsWith("INSERT")
                                && descends(s, submit, byId)),
                "the job row's INSERT under the submission, named by its statement: " + names);
        assertTrue(
                jobSql.stream().anyMatch(s -> "UPDATE".equals(attr(s, "db.operation"))),
                "the claim's UPDATE under the message's span, named by its statement: " + names);
        assertTrue(jobSql.stream().allMatch(s -> s.getKind() == SpanKind.SPAN_KIND_CLIENT));

        String everything = trace.stream()
                .flatMap(s -> s.getAttributesList().stream())
                .map(KeyValue::toString)
                .collect(Collectors.joining("\n"));
        for (String secret : List.of(token, admin.password(), HexFormat.of().formatHex(nonce), "Bearer")) {
            assertFalse(everything.contains(secret), "no secret or evidence in the spans' attributes");
        }
    }

    @Test
    void aCallersDecisionNotToSampleIsFollowedAndItsLogLinesCarryTheTraceAndSpanIds() {
        TestUser user = tenant.userWithRoles("AUDITOR");
        String traceId = randomHex(16);
        String run = "it-trace-" + UUID.randomUUID();
        String address = "198.51." + ThreadLocalRandom.current().nextInt(100, 200) + "."
                + ThreadLocalRandom.current().nextInt(1, 250);
        List<String> callerSpans = new java.util.ArrayList<>();

        // failed logins lock the account on the last one, which says so in the log, inside the request's trace
        for (int i = 1; i <= LOCK_AFTER; i++) {
            String callerSpan = randomHex(8);
            callerSpans.add(callerSpan);
            var answer = new ApiClient()
                    .send(HttpRequest.newBuilder(ApiClient.uri("/api/v1/auth/login"))
                            .header("Content-Type", "application/json")
                            .header("X-Forwarded-For", address)
                            .header("X-Request-Id", run + "-" + i)
                            .header("traceparent", "00-" + traceId + "-" + callerSpan + "-00")
                            .POST(HttpRequest.BodyPublishers.ofString(Json.createObjectBuilder()
                                    .add("tenant", tenant.name())
                                    .add("username", user.username())
                                    .add("password", "a wrong guess " + i)
                                    .build()
                                    .toString())));
            assertEquals(401, answer.statusCode(), answer.body());
        }

        JsonObject lockout = Eventually.await(
                        Duration.ofSeconds(15),
                        () -> ServerLog.recordsContaining("\"ext_requestId\":\"" + run + "-"),
                        found -> found.stream()
                                .anyMatch(r -> r.getString("message", "").startsWith("Locked an account")),
                        "the lockout's log line")
                .stream()
                .filter(r -> r.getString("message", "").startsWith("Locked an account"))
                .findFirst()
                .orElseThrow();
        assertEquals(traceId, lockout.getString("ext_traceId", ""), lockout.toString());
        String spanId = lockout.getString("ext_spanId", "");
        assertTrue(spanId.matches("[0-9a-f]{16}") && !spanId.equals("0000000000000000"), lockout.toString());
        assertFalse(callerSpans.contains(spanId), "the server's own span, not the caller's: " + lockout);

        // a sampled request sent after them is exported: had the unsampled ones been, they would be in by then
        String sampledTrace = randomHex(16);
        var probe = ApiClient.withToken(token)
                .send(HttpRequest.newBuilder(ApiClient.uri("/api/v1/attestations"))
                        .header("traceparent", "00-" + sampledTrace + "-" + randomHex(8) + "-01"));
        assertEquals(200, probe.statusCode(), probe.body());
        Eventually.await(
                Duration.ofSeconds(20),
                () -> collector.trace(sampledTrace),
                spans -> !spans.isEmpty(),
                "the sampled request's spans");
        assertEquals(List.of(), collector.trace(traceId), "nothing of the trace its caller did not sample");
    }

    @Test
    void aLineOutsideAnyTraceCarriesNoTraceIds() {
        // the server's start-up lines are written by no request or message
        var startup = ServerLog.recordsContaining("CWWKF0011I");
        assertFalse(startup.isEmpty(), "the server's ready line");
        startup.forEach(line -> {
            assertFalse(line.containsKey("ext_traceId"), line.toString());
            assertFalse(line.containsKey("ext_spanId"), line.toString());
        });
    }

    private static Span awaitSpan(java.util.function.Predicate<Span> wanted) {
        return Eventually.await(
                        Duration.ofSeconds(30),
                        () -> collector.spans().stream().filter(wanted).findFirst(),
                        Optional::isPresent,
                        "the job's span at the OTLP receiver")
                .orElseThrow();
    }

    private static Span only(List<Span> trace, java.util.function.Predicate<Span> wanted, String what, String names) {
        var found = trace.stream().filter(wanted).toList();
        assertEquals(1, found.size(), what + " once in the trace: " + names);
        return found.get(0);
    }

    /** Whether {@code span} is {@code ancestor} or below it. */
    private static boolean descends(Span span, Span ancestor, Map<String, Span> byId) {
        Span at = span;
        for (int depth = 0; at != null && depth < 50; depth++) {
            if (at.getSpanId().equals(ancestor.getSpanId())) {
                return true;
            }
            at = byId.get(hex(at.getParentSpanId().toByteArray()));
        }
        return false;
    }

    private static String attr(Span span, String key) {
        return span.getAttributesList().stream()
                .filter(kv -> kv.getKey().equals(key))
                .map(kv -> kv.getValue().hasStringValue()
                        ? kv.getValue().getStringValue()
                        : kv.getValue().toString())
                .findFirst()
                .orElse(null);
    }

    private static String randomHex(int bytes) {
        byte[] id = new byte[bytes];
        do {
            ThreadLocalRandom.current().nextBytes(id);
        } while (HexFormat.of().formatHex(id).chars().allMatch(c -> c == '0'));
        return HexFormat.of().formatHex(id);
    }
}
