package io.lotabots.attestation.model.formats;

import java.util.Map;

/** GGML tensor types: elements per block and bytes per block (gguf-py's GGML_QUANT_SIZES). */
record GgmlType(String name, int blockSize, int typeSize) {

    private static final Map<Integer, GgmlType> BY_ID = Map.ofEntries(
            Map.entry(0, new GgmlType("F32", 1, 4)),
            Map.entry(1, new GgmlType("F16", 1, 2)),
            Map.entry(2, new GgmlType("Q4_0", 32, 18)),
            Map.entry(3, new GgmlType("Q4_1", 32, 20)),
            Map.entry(6, new GgmlType("Q5_0", 32, 22)),
            Map.entry(7, new GgmlType("Q5_1", 32, 24)),
            Map.entry(8, new GgmlType("Q8_0", 32, 34)),
            Map.entry(9, new GgmlType("Q8_1", 32, 40)),
            Map.entry(10, new GgmlType("Q2_K", 256, 84)),
            Map.entry(11, new GgmlType("Q3_K", 256, 110)),
            Map.entry(12, new GgmlType("Q4_K", 256, 144)),
            Map.entry(13, new GgmlType("Q5_K", 256, 176)),
            Map.entry(14, new GgmlType("Q6_K", 256, 210)),
            Map.entry(15, new GgmlType("Q8_K", 256, 292)),
            Map.entry(16, new GgmlType("IQ2_XXS", 256, 66)),
            Map.entry(17, new GgmlType("IQ2_XS", 256, 74)),
            Map.entry(18, new GgmlType("IQ3_XXS", 256, 98)),
            Map.entry(19, new GgmlType("IQ1_S", 256, 50)),
            Map.entry(20, new GgmlType("IQ4_NL", 32, 18)),
            Map.entry(21, new GgmlType("IQ3_S", 256, 110)),
            Map.entry(22, new GgmlType("IQ2_S", 256, 82)),
            Map.entry(23, new GgmlType("IQ4_XS", 256, 136)),
            Map.entry(24, new GgmlType("I8", 1, 1)),
            Map.entry(25, new GgmlType("I16", 1, 2)),
            Map.entry(26, new GgmlType("I32", 1, 4)),
            Map.entry(27, new GgmlType("I64", 1, 8)),
            Map.entry(28, new GgmlType("F64", 1, 8)),
            Map.entry(29, new GgmlType("IQ1_M", 256, 56)),
            Map.entry(30, new GgmlType("BF16", 1, 2)),
            Map.entry(34, new GgmlType("TQ1_0", 256, 54)),
            Map.entry(35, new GgmlType("TQ2_0", 256, 66)),
            Map.entry(39, new GgmlType("MXFP4", 32, 17)),
            Map.entry(40, new GgmlType("NVFP4", 64, 36)),
            Map.entry(41, new GgmlType("Q1_0", 128, 18)),
            Map.entry(42, new GgmlType("Q2_0", 64, 18)));

    /** The type with this id, or null for an id no current ggml defines (removed types included). */
    static GgmlType of(long id) {
        return id < 0 || id > Integer.MAX_VALUE ? null : BY_ID.get((int) id);
    }

    boolean quantized() {
        return blockSize > 1;
    }
}
