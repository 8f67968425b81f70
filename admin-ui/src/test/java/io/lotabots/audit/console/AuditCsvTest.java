package io.lotabots.audit.console;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.lotabots.audit.boundary.AuditEventView;
import java.io.StringWriter;
import java.time.Instant;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AuditCsvTest {

    private static final UUID ID = UUID.fromString("00000000-0000-0000-0000-000000000001");

    @Test
    void quotesEveryFieldAndDoublesQuotes() {
        assertEquals("\"say \"\"hi\"\", then\nleave\"", AuditCsv.field("say \"hi\", then\nleave"));
    }

    @Test
    void emptyForMissingValues() {
        assertEquals("\"\"", AuditCsv.field(null));
    }

    @Test
    void neutralisesSpreadsheetFormulas() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", AuditCsv.field("=HYPERLINK(\"x\")"));
        assertEquals("\"'@cmd\"", AuditCsv.field("@cmd"));
    }

    @Test
    void writesHeaderAndOneLinePerEvent() throws Exception {
        var event = new AuditEventView(
                ID,
                7L,
                ID,
                "actor",
                "admin",
                "auth.login.succeeded",
                null,
                null,
                "SUCCESS",
                "10.0.0.1",
                "Mozilla/5.0 (X11) \"Test\"",
                Instant.parse("2026-01-02T03:04:05Z"),
                null,
                null);
        var out = new StringWriter();

        AuditCsv.write(Stream.of(event), out);

        assertEquals(
                AuditCsv.HEADER + "\r\n\"" + ID + "\",\"7\",\"2026-01-02T03:04:05Z\",\"actor\",\"admin\","
                        + "\"auth.login.succeeded\",\"\",\"\",\"SUCCESS\",\"10.0.0.1\","
                        + "\"Mozilla/5.0 (X11) \"\"Test\"\"\",\"\"\r\n",
                out.toString());
    }
}
