package io.lotabots.attestation.console;

import io.lotabots.attestation.boundary.AttestationView;
import io.lotabots.platform.console.CsvField;
import java.io.IOException;
import java.io.Writer;
import java.util.stream.Stream;

/** The attestation list as RFC 4180 CSV, one row per attestation, with its current review. */
final class AttestationCsv {

    static final String HEADER = "id,type,status,verdict,reasons,review,reviewed_by,policy,policy_version,device_id,"
            + "submitted_at,completed_at,evidence_sha256";

    private AttestationCsv() {}

    static void write(Stream<AttestationView> attestations, Writer out) throws IOException {
        out.write(HEADER);
        out.write("\r\n");
        for (var a : (Iterable<AttestationView>) attestations::iterator) {
            out.write(row(a));
            out.write("\r\n");
        }
        out.flush();
    }

    static String row(AttestationView a) {
        return String.join(
                ",",
                Stream.of(
                                a.id(),
                                a.type(),
                                a.status(),
                                a.verdict(),
                                String.join(" ", a.reasons()),
                                a.review() == null ? "not reviewed" : a.review().decision(),
                                a.review() == null ? null : a.review().reviewerName(),
                                a.policy().name(),
                                a.policy().version(),
                                a.deviceId(),
                                a.submittedAt(),
                                a.completedAt(),
                                a.evidenceDigest())
                        .map(CsvField::of)
                        .toList());
    }
}
