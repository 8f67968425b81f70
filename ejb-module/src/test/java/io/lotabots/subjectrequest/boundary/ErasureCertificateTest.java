package io.lotabots.subjectrequest.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lotabots.subjectrequest.entity.RequestType;
import io.lotabots.subjectrequest.entity.SubjectRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ErasureCertificateTest {

    @Test
    void saysWhatWasErasedWhatWasKeptAndWhoRequestedAndApprovedIt() {
        Instant received = Instant.parse("2026-12-01T10:00:00Z");
        var request = new SubjectRequest(
                UUID.randomUUID(),
                UUID.randomUUID(),
                RequestType.ERASURE,
                "subject-1",
                null,
                "officer-1",
                "olga",
                received,
                received.plusSeconds(86_400 * 30));
        request.decide(true, "officer-2", "otto", "Identity checked.", received.plusSeconds(60));
        var counts = new LinkedHashMap<String, Integer>();
        counts.put("documents", 2);
        counts.put("account", 1);

        String text = ErasureCertificate.of(
                request, counts, new ErasureCertificate.AuditEventsKept(17, 5), "erased-x", received.plusSeconds(120));
        JsonObject certificate = Json.createReader(new StringReader(text)).readObject();

        assertEquals("lotabots/erasure-certificate/2", certificate.getString("format"));
        assertEquals("subject-1", certificate.getString("subject"));
        assertEquals("officer-1", certificate.getString("requestedBy"));
        assertEquals("officer-2", certificate.getJsonObject("approvedBy").getString("id"));
        assertEquals(
                "Identity checked.", certificate.getJsonObject("approvedBy").getString("reason"));
        assertEquals(2, certificate.getJsonObject("erased").getInt("documents"));
        var pseudonymised = certificate.getJsonArray("retained").getJsonObject(0);
        assertEquals("audit-events", pseudonymised.getString("category"));
        assertEquals(12, pseudonymised.getInt("count"));
        assertEquals("pseudonymised", pseudonymised.getString("personalValues"));
        var formatOne = certificate.getJsonArray("retained").getJsonObject(1);
        assertEquals(5, formatOne.getInt("count"));
        assertEquals("unchanged", formatOne.getString("personalValues"));
        assertEquals("2026-12-01T10:02:00Z", certificate.getString("completedAt"));
        assertEquals(64, ErasureCertificate.sha256(text).length());
    }
}
