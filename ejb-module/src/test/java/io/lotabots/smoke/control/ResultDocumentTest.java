package io.lotabots.smoke.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ResultDocumentTest {

    @Test
    void digestIsTheStandardSha256OfTheBytes() {
        assertEquals(
                "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824",
                ResultDocument.sha256Hex("hello".getBytes(StandardCharsets.UTF_8)));
        assertEquals(
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                ResultDocument.sha256Hex(new byte[0]));
    }

    @Test
    void documentNamesTheJobItsInputDigestAndWhenItWasProcessed() {
        var id = UUID.randomUUID();
        var at = Instant.parse("2026-11-26T08:00:00Z");

        var document = Json.createReader(new ByteArrayInputStream(ResultDocument.of(id, "abc", at, "server-1")))
                .readObject();

        assertEquals(id.toString(), document.getString("id"));
        assertEquals("abc", document.getString("inputSha256"));
        assertEquals("2026-11-26T08:00:00Z", document.getString("processedAt"));
        assertEquals("server-1", document.getString("processedBy"));
    }
}
