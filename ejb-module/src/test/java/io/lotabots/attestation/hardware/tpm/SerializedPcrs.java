package io.lotabots.attestation.hardware.tpm;

import java.util.ArrayList;
import java.util.List;

/** Writes a tpm2-tools {@code -F serialized} PCR file (little-endian C struct dump) for a selection and values. */
public final class SerializedPcrs {

    private SerializedPcrs() {}

    /** {@code banks} as (hash id, bitmap bytes); {@code digests} in selection order, 8 per TPML_DIGEST. */
    public static byte[] of(List<int[]> banks, List<byte[]> digests) {
        var out = LittleEndianBytes.bytes().u32(banks.size());
        for (int slot = 0; slot < 16; slot++) {
            if (slot < banks.size()) {
                var bank = banks.get(slot);
                out.u16(bank[0]).u8(3).u8(bank[1]).u8(bank[2]).u8(bank[3]).u8(0).u8(0);
            } else {
                out.zeros(8);
            }
        }
        var lists = new ArrayList<List<byte[]>>();
        for (int i = 0; i < digests.size(); i += 8) {
            lists.add(digests.subList(i, Math.min(i + 8, digests.size())));
        }
        out.u32(lists.size());
        for (var list : lists) {
            out.u32(list.size());
            for (int slot = 0; slot < 8; slot++) {
                if (slot < list.size()) {
                    out.u16(list.get(slot).length).raw(list.get(slot)).zeros(64 - list.get(slot).length);
                } else {
                    out.zeros(66);
                }
            }
        }
        return out.build();
    }

    /** sha256:0-7 with the given eight values. */
    public static byte[] sha256ZeroToSeven(List<byte[]> values) {
        return of(List.<int[]>of(new int[] {0x000B, 0xFF, 0, 0}), values);
    }
}
