package io.lotabots.audit.console;

import io.lotabots.audit.boundary.AuditEventView;
import io.lotabots.platform.console.CsvField;
import java.io.IOException;
import java.io.Writer;
import java.util.stream.Stream;

/** Audit events as RFC 4180 CSV: every field quoted, quotes doubled, so commas and newlines survive. */
final class AuditCsv {

    static final String HEADER =
            "event_id,sequence,occurred_at,actor,actor_name,action,target_type,target_id,outcome,source_ip,user_agent,details";

    private AuditCsv() {}

    static void write(Stream<AuditEventView> events, Writer out) throws IOException {
        out.write(HEADER);
        out.write("\r\n");
        for (var e : (Iterable<AuditEventView>) events::iterator) {
            out.write(row(e));
            out.write("\r\n");
        }
        out.flush();
    }

    static String row(AuditEventView e) {
        return String.join(
                ",",
                Stream.of(
                                e.eventId(),
                                e.sequence(),
                                e.occurredAt(),
                                e.actor(),
                                e.actorName(),
                                e.action(),
                                e.targetType(),
                                e.targetId(),
                                e.outcome(),
                                e.sourceIp(),
                                e.userAgent(),
                                e.details())
                        .map(AuditCsv::field)
                        .toList());
    }

    static String field(Object value) {
        return CsvField.of(value);
    }
}
