package io.lotabots.attestation.model.formats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the ONNX check needs of one TensorProto: its shape, type, and where its bytes are. */
final class OnnxTensor {

    final long offset;
    String name = "";
    final List<Long> dims = new ArrayList<>();
    int dataType;
    long rawDataLength = -1;
    long dataLocation;
    final Map<String, String> externalData = new LinkedHashMap<>();

    OnnxTensor(long offset) {
        this.offset = offset;
    }

    /** Bits per element of the fixed-width types; 0 for strings and unknown types. */
    int elementBits() {
        return switch (dataType) {
            case 1, 6, 12 -> 32;
            case 2, 3, 9, 17, 18, 19, 20, 24 -> 8;
            case 4, 5, 10, 16 -> 16;
            case 7, 11, 13, 14 -> 64;
            case 15 -> 128;
            case 21, 22, 23 -> 4;
            case 25, 26 -> 2;
            default -> 0;
        };
    }

    /** Bytes its shape and type need, or -1 when they do not say (strings, negative dims, overflow). */
    long expectedBytes() {
        int bits = elementBits();
        if (bits == 0) {
            return -1;
        }
        try {
            long elements = 1;
            for (long d : dims) {
                if (d < 0) {
                    return -1;
                }
                elements = Math.multiplyExact(elements, d);
            }
            return Math.addExact(Math.multiplyExact(elements, (long) bits), 7) / 8;
        } catch (ArithmeticException e) {
            return -1;
        }
    }
}
