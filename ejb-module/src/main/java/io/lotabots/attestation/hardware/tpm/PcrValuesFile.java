package io.lotabots.attestation.hardware.tpm;

import java.util.LinkedHashMap;

/**
 * The tpm2-tools {@code -F values} PCR file: the selected PCRs' digests concatenated in selection
 * order, without a header, so the selection must be supplied with it.
 */
public final class PcrValuesFile {

    private PcrValuesFile() {}

    public static PcrValues parse(byte[] bytes, PcrSelection selection) {
        if (bytes == null) {
            throw new MalformedEvidenceException("PCR file (values): absent");
        }
        var reader = new TpmReader("PCR file (values)", bytes);
        int expected =
                selection.pcrs().stream().mapToInt(p -> p.bank().digestSize()).sum();
        if (bytes.length != expected) {
            throw reader.malformed(bytes.length + " bytes, but selection " + selection + " needs " + expected);
        }
        var values = new LinkedHashMap<PcrId, byte[]>();
        for (var pcr : selection.pcrs()) {
            values.put(pcr, reader.bytes(pcr.toString(), pcr.bank().digestSize()));
        }
        reader.requireEnd();
        return new PcrValues(selection, values);
    }
}
