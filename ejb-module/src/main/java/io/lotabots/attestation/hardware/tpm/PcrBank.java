package io.lotabots.attestation.hardware.tpm;

import java.util.Collections;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The PCRs selected in one bank: indices ascending, as the TPM concatenates them. */
public record PcrBank(TpmHash algorithm, SortedSet<Integer> indices) {

    public PcrBank {
        indices = Collections.unmodifiableSortedSet(new TreeSet<>(indices));
    }

    @Override
    public String toString() {
        return algorithm.bankName() + ":"
                + indices.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
