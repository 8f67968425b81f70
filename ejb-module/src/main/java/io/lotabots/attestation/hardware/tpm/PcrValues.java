package io.lotabots.attestation.hardware.tpm;

import java.io.ByteArrayOutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** PCR values as a PCR file states them, keyed by PCR, in the file's selection order. */
public record PcrValues(PcrSelection selection, Map<PcrId, byte[]> values) {

    public PcrValues {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Optional<byte[]> value(PcrId pcr) {
        return Optional.ofNullable(values.get(pcr));
    }

    /**
     * The quote's pcrDigest recomputed: the values of {@code quoted}'s PCRs concatenated in its order,
     * hashed with the signature's hash. Empty when a quoted PCR has no value here.
     */
    public Optional<byte[]> digest(PcrSelection quoted, TpmHash hash) {
        var concatenated = new ByteArrayOutputStream();
        for (var pcr : quoted.pcrs()) {
            var value = values.get(pcr);
            if (value == null) {
                return Optional.empty();
            }
            concatenated.writeBytes(value);
        }
        return Optional.of(hash.digest(concatenated.toByteArray()));
    }
}
