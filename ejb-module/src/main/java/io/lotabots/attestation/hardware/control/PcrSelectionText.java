package io.lotabots.attestation.hardware.control;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A PCR selection in tpm2-tools syntax ({@code sha256:0,1,2+sha1:7}; ranges such as {@code 0-7} are
 * accepted and written out), parsed into banks and PCR indexes and written back canonically.
 */
public record PcrSelectionText(Map<TpmHash, SortedSet<Integer>> banks) {

    public static final int PCR_COUNT = 24;

    public PcrSelectionText {
        banks = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(banks));
    }

    /** Parses a selection; the message of the exception says what is wrong with it. */
    public static PcrSelectionText parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("is empty");
        }
        Map<TpmHash, SortedSet<Integer>> banks = new LinkedHashMap<>();
        for (String bank : text.strip().split("\\+", -1)) {
            int colon = bank.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("bank '" + bank + "' has no ':' before its PCRs");
            }
            String bankName = bank.substring(0, colon);
            TpmHash hash = TpmHash.ofBankName(bankName)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "bank '" + bankName + "' is not sha1, sha256, sha384 or sha512"));
            if (banks.containsKey(hash)) {
                throw new IllegalArgumentException("bank " + hash.bankName() + " is listed twice");
            }
            banks.put(hash, indexes(hash, bank.substring(colon + 1)));
        }
        return new PcrSelectionText(banks);
    }

    private static SortedSet<Integer> indexes(TpmHash hash, String list) {
        SortedSet<Integer> indexes = new TreeSet<>();
        for (String item : list.split(",", -1)) {
            String[] range = item.strip().split("-", -1);
            if (range.length > 2) {
                throw new IllegalArgumentException(hash.bankName() + ": '" + item + "' is not a PCR or a range");
            }
            int from = index(hash, range[0]);
            int to = range.length == 2 ? index(hash, range[1]) : from;
            if (to < from) {
                throw new IllegalArgumentException(hash.bankName() + ": range " + item + " runs backwards");
            }
            for (int i = from; i <= to; i++) {
                indexes.add(i);
            }
        }
        return indexes;
    }

    private static int index(TpmHash hash, String text) {
        String digits = text.strip();
        if (digits.isEmpty() || digits.length() > 2 || !digits.chars().allMatch(Character::isDigit)) {
            throw new IllegalArgumentException(hash.bankName() + ": '" + text + "' is not a PCR number");
        }
        int index = Integer.parseInt(digits);
        if (index >= PCR_COUNT) {
            throw new IllegalArgumentException(hash.bankName() + ": PCR " + index + " does not exist (0 to 23)");
        }
        return index;
    }

    public boolean contains(TpmHash bank, int index) {
        return banks.containsKey(bank) && banks.get(bank).contains(index);
    }

    /** tpm2-tools syntax with every PCR listed: {@code sha256:0,1,2,3,4,5,6,7}. */
    @Override
    public String toString() {
        return banks.entrySet().stream()
                .map(e -> e.getKey().bankName() + ":"
                        + e.getValue().stream().map(String::valueOf).collect(Collectors.joining(",")))
                .collect(Collectors.joining("+"));
    }
}
