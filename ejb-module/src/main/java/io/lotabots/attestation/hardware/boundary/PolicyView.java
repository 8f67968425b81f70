package io.lotabots.attestation.hardware.boundary;

import io.lotabots.attestation.hardware.entity.HardwarePolicyVersion;
import io.lotabots.attestation.hardware.tpm.Certificates;
import jakarta.json.JsonString;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One version of a hardware policy as the API shows it, with the numbers of all its versions. */
public record PolicyView(
        String name,
        int version,
        String pcrSelection,
        Map<String, List<String>> referenceValues,
        boolean eventLogRequired,
        List<String> trustedAkCas,
        List<String> trustedEkCas,
        boolean enrolledDeviceRequired,
        String createdBy,
        Instant createdAt,
        List<Integer> versions) {

    static PolicyView of(HardwarePolicyVersion row, List<Integer> versions) {
        Map<String, List<String>> values = new TreeMap<>();
        row.referenceValues()
                .forEach((key, digests) -> values.put(
                        key,
                        digests.asJsonArray().getValuesAs(JsonString.class).stream()
                                .map(JsonString::getString)
                                .sorted()
                                .toList()));
        return new PolicyView(
                row.name(),
                row.version(),
                row.pcrSelection(),
                values,
                row.eventLogRequired(),
                pems(row.trustedAkCas()),
                pems(row.trustedEkCas()),
                row.enrolledDeviceRequired(),
                row.createdBy(),
                row.createdAt(),
                List.copyOf(versions));
    }

    /** Each certificate as its own PEM block. */
    static List<String> pems(String pem) {
        if (pem.isBlank()) {
            return List.of();
        }
        List<X509Certificate> certificates = Certificates.parse(pem);
        return certificates.stream().map(c -> Certificates.toPem(List.of(c))).toList();
    }
}
