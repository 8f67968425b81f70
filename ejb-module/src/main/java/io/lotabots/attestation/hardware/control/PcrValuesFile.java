package io.lotabots.attestation.hardware.control;

import java.util.LinkedHashMap;

/**
 * The tpm2-tools {@code -F values} PCR file: the selected PCRs' digests concatenated in selection
 * order, without a header, so the selection must be supplied with it.
 */
public final class PcrValuesFile {

    private PcrValuesFile() {}

    public static PcrValues parse(byte[] bytes, PcrSelection selection) {
        var reader = BoundedReader.bigEndian(bytes, "PCR file (values)");
        int expected =
                selection.pcrs().stream().mapToInt(p -> p.bank().digestSize()).sum();
        if (bytes != null && bytes.length != expected) {
            throw reader.malformed(bytes.length + " bytes, but selection " + selection + " needs " + expected);
        }
        var values = new LinkedHashMap<PcrId, byte[]>();
        for (var pcr : selection.pcrs()) {
            values.put(pcr, reader.bytes(pcr.bank().digestSize(), pcr.toString()));
        }
        reader.expectEnd();
        return new PcrValues(selection, values);
    }
}
