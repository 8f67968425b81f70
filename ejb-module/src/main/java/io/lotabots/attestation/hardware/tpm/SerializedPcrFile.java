package io.lotabots.attestation.hardware.tpm;

import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * The tpm2-tools {@code -F serialized} PCR file (the default of tpm2_quote 5.4): a host-endian
 * (little-endian on x86) dump of the C structs TPML_PCR_SELECTION (always 16 slots, 132 B), a u32
 * count N, and N TPML_DIGEST (always 8 slots of 2 + 64 B, 532 B each). Counts, sizes and the
 * digests' lengths are checked against the selection; padding is ignored.
 */
public final class SerializedPcrFile {

    static final int SELECTION_SLOTS = 16;
    static final int DIGEST_SLOTS = 8;
    static final int DIGEST_LIST_SIZE = 4 + DIGEST_SLOTS * (2 + 64);

    private SerializedPcrFile() {}

    public static PcrValues parse(byte[] bytes) {
        var reader = new LittleEndianReader("PCR file (serialized)", bytes);
        var selection = readSelection(reader);
        var pcrs = selection.pcrs();
        long lists = reader.u32("digest list count");
        if (lists * DIGEST_LIST_SIZE != reader.remaining()) {
            throw reader.malformed("digest list count " + lists + " needs " + lists * DIGEST_LIST_SIZE + " bytes, "
                    + reader.remaining() + " remain");
        }
        var digests = new ArrayList<byte[]>();
        for (int list = 0; list < lists; list++) {
            long count = reader.u32("TPML_DIGEST[" + list + "] count");
            if (count > DIGEST_SLOTS) {
                throw reader.malformed("TPML_DIGEST[" + list + "] count " + count + " exceeds " + DIGEST_SLOTS);
            }
            for (int slot = 0; slot < DIGEST_SLOTS; slot++) {
                String field = "TPML_DIGEST[" + list + "].digests[" + slot + "]";
                int size = reader.u16(field + " size");
                byte[] buffer = reader.bytes(field, 64);
                if (slot < count) {
                    digests.add(checkedDigest(reader, field, size, buffer, pcrs, digests.size()));
                }
            }
        }
        reader.requireEnd();
        if (digests.size() != pcrs.size()) {
            throw reader.malformed("holds " + digests.size() + " digests for " + pcrs.size() + " selected PCRs");
        }
        var values = new LinkedHashMap<PcrId, byte[]>();
        for (int i = 0; i < pcrs.size(); i++) {
            values.put(pcrs.get(i), digests.get(i));
        }
        return new PcrValues(selection, values);
    }

    private static byte[] checkedDigest(
            LittleEndianReader reader,
            String field,
            int size,
            byte[] buffer,
            java.util.List<PcrId> pcrs,
            int position) {
        if (position >= pcrs.size()) {
            throw reader.malformed(
                    field + " is digest " + (position + 1) + " but only " + pcrs.size() + " PCRs are selected");
        }
        var pcr = pcrs.get(position);
        if (size != pcr.bank().digestSize()) {
            throw reader.malformed(
                    field + " size " + size + " is not the " + pcr.bank().digestSize() + " bytes of " + pcr);
        }
        return java.util.Arrays.copyOf(buffer, size);
    }

    private static PcrSelection readSelection(LittleEndianReader reader) {
        long count = reader.u32("TPML_PCR_SELECTION count");
        if (count > SELECTION_SLOTS) {
            throw reader.malformed("TPML_PCR_SELECTION count " + count + " exceeds " + SELECTION_SLOTS);
        }
        var banks = new ArrayList<PcrBank>();
        for (int slot = 0; slot < SELECTION_SLOTS; slot++) {
            String field = "TPMS_PCR_SELECTION[" + slot + "]";
            int hash = reader.u16(field + " hash");
            int sizeofSelect = reader.u8(field + " sizeofSelect");
            byte[] select = reader.bytes(field + " pcrSelect", PcrSelection.MAX_SELECT_BYTES);
            reader.skip(field + " padding", 1);
            if (slot >= count) {
                continue;
            }
            var algorithm = TpmHash.ofId(hash)
                    .orElseThrow(() ->
                            reader.malformed(field + " has unknown hash algorithm 0x" + Integer.toHexString(hash)));
            if (sizeofSelect > PcrSelection.MAX_SELECT_BYTES) {
                throw reader.malformed(
                        field + " sizeofSelect " + sizeofSelect + " exceeds " + PcrSelection.MAX_SELECT_BYTES);
            }
            banks.add(new PcrBank(algorithm, PcrSelection.fromBitmap(java.util.Arrays.copyOf(select, sizeofSelect))));
        }
        var selection = new PcrSelection(banks);
        if (selection.asMap().size()
                != banks.stream().filter(b -> !b.indices().isEmpty()).count()) {
            throw reader.malformed("a bank appears twice in the selection");
        }
        return selection;
    }
}
