package io.lotabots.attestation.hardware.tpm;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A PCR selection: banks in order, each with its PCR indices. The order is the order in which the
 * TPM concatenates PCR values for the quote's pcrDigest; two selections are {@link #sameAs the same}
 * when they select the same PCRs of the same banks, whatever the order.
 */
public record PcrSelection(List<PcrBank> banks) {

    /** PCR indices a selection may name: the PC Client platform has 24. */
    public static final int PCR_COUNT = 24;

    static final int MAX_BANKS = 16;
    static final int MAX_SELECT_BYTES = 4;

    public PcrSelection {
        banks = List.copyOf(banks);
    }

    /**
     * Parses tpm2-tools syntax: banks joined by {@code +}, each {@code alg:i,j,k} or {@code alg:all}
     * (PCRs 0–23). tpm2-tools 5.4 itself accepts no ranges; {@code 0-7} is accepted here anyway, as
     * policies may be written with them ({@link #toString} lists every PCR).
     */
    public static PcrSelection parse(String text) {
        if (text == null || text.isBlank()) {
            throw new MalformedEvidenceException("PCR selection: empty");
        }
        var banks = new ArrayList<PcrBank>();
        for (var bankText : text.trim().split("\\+", -1)) {
            banks.add(parseBank(bankText.trim(), text));
        }
        return checkedUnique(banks, "PCR selection \"" + text + "\"");
    }

    private static PcrBank parseBank(String bankText, String text) {
        int colon = bankText.indexOf(':');
        if (colon < 0) {
            throw new MalformedEvidenceException(
                    "PCR selection \"" + text + "\": \"" + bankText + "\" is not alg:pcrs");
        }
        var algorithm = TpmHash.ofBankName(bankText.substring(0, colon).trim())
                .orElseThrow(() -> new MalformedEvidenceException(
                        "PCR selection \"" + text + "\": unknown bank \"" + bankText.substring(0, colon) + "\""));
        var list = bankText.substring(colon + 1).trim();
        var indices = new TreeSet<Integer>();
        if (list.equals("all")) {
            for (int i = 0; i < PCR_COUNT; i++) {
                indices.add(i);
            }
        } else {
            for (var item : list.split(",", -1)) {
                var range = item.trim().split("-", -1);
                int from = parseIndex(range[0].trim(), text);
                int to = range.length == 2 ? parseIndex(range[1].trim(), text) : from;
                if (range.length > 2 || to < from) {
                    throw new MalformedEvidenceException("PCR selection \"" + text + "\": \"" + item.trim()
                            + "\" is not a PCR or an ascending range");
                }
                for (int index = from; index <= to; index++) {
                    indices.add(index);
                }
            }
        }
        return new PcrBank(algorithm, indices);
    }

    private static int parseIndex(String item, String text) {
        if (!item.matches("[0-9]{1,2}")) {
            throw new MalformedEvidenceException("PCR selection \"" + text + "\": \"" + item + "\" is not a PCR index");
        }
        int index = Integer.parseInt(item);
        if (index >= PCR_COUNT) {
            throw new MalformedEvidenceException(
                    "PCR selection \"" + text + "\": PCR " + index + " is out of range 0-23");
        }
        return index;
    }

    /** Reads a marshalled TPML_PCR_SELECTION (big-endian). */
    public static PcrSelection read(TpmReader reader) {
        long count = reader.u32("TPML_PCR_SELECTION count");
        if (count > MAX_BANKS) {
            throw reader.malformed("TPML_PCR_SELECTION count " + count + " exceeds " + MAX_BANKS);
        }
        var banks = new ArrayList<PcrBank>();
        for (int n = 0; n < count; n++) {
            int i = n;
            int algorithmId = reader.u16("TPMS_PCR_SELECTION[" + i + "] hash");
            var algorithm = TpmHash.ofId(algorithmId)
                    .orElseThrow(() -> reader.malformed("TPMS_PCR_SELECTION[" + i + "] has unknown hash algorithm 0x"
                            + Integer.toHexString(algorithmId)));
            int sizeofSelect = reader.u8("TPMS_PCR_SELECTION[" + i + "] sizeofSelect");
            if (sizeofSelect > MAX_SELECT_BYTES) {
                throw reader.malformed(
                        "TPMS_PCR_SELECTION[" + i + "] sizeofSelect " + sizeofSelect + " exceeds " + MAX_SELECT_BYTES);
            }
            banks.add(new PcrBank(
                    algorithm, fromBitmap(reader.bytes("TPMS_PCR_SELECTION[" + i + "] pcrSelect", sizeofSelect))));
        }
        return checkedUnique(banks, "TPML_PCR_SELECTION");
    }

    /** Byte i, bit j selects PCR 8i+j. */
    static SortedSet<Integer> fromBitmap(byte[] bitmap) {
        var indices = new TreeSet<Integer>();
        for (int i = 0; i < bitmap.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                if ((bitmap[i] & (1 << bit)) != 0) {
                    indices.add(8 * i + bit);
                }
            }
        }
        return indices;
    }

    private static PcrSelection checkedUnique(List<PcrBank> banks, String where) {
        var seen = new EnumMap<TpmHash, Boolean>(TpmHash.class);
        for (var bank : banks) {
            if (seen.put(bank.algorithm(), Boolean.TRUE) != null) {
                throw new MalformedEvidenceException(
                        where + ": bank " + bank.algorithm().bankName() + " appears twice");
            }
        }
        return new PcrSelection(banks);
    }

    /** The selected PCRs in the TPM's concatenation order. */
    public List<PcrId> pcrs() {
        var pcrs = new ArrayList<PcrId>();
        for (var bank : banks) {
            bank.indices().forEach(index -> pcrs.add(new PcrId(bank.algorithm(), index)));
        }
        return pcrs;
    }

    /** Bank → indices, ignoring banks that select nothing. */
    public Map<TpmHash, SortedSet<Integer>> asMap() {
        var map = new EnumMap<TpmHash, SortedSet<Integer>>(TpmHash.class);
        banks.stream().filter(b -> !b.indices().isEmpty()).forEach(b -> map.put(b.algorithm(), b.indices()));
        return map;
    }

    public boolean contains(TpmHash bank, int index) {
        return banks.stream().anyMatch(b -> b.algorithm() == bank && b.indices().contains(index));
    }

    /** Same banks, same PCRs, in any order. */
    public boolean sameAs(PcrSelection other) {
        return asMap().equals(other.asMap());
    }

    @Override
    public String toString() {
        return banks.stream()
                .filter(b -> !b.indices().isEmpty())
                .map(PcrBank::toString)
                .collect(Collectors.joining("+"));
    }
}
