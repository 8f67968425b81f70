package io.lotabots.attestation.model.formats;

import java.math.BigInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A NumPy dtype as a {@code .npy} header describes it ({@code descr}): a type string such as {@code '<f4'},
 * {@code '|O'} or {@code '<U10'}, a list of named fields, or a (type, shape) subarray. What matters here is the
 * element size (to check the data length) and whether any element is a Python object (then the data is a
 * pickle).
 */
record NumpyDtype(BigInteger itemSize, boolean hasObject) {

    private static final Pattern SIMPLE = Pattern.compile("([<>|=]?)([a-zA-Z?])(\\d*)(\\[[A-Za-z0-9]+\\])?");

    /** The dtype a descr names; an {@link IllegalArgumentException} says why it names none. */
    static NumpyDtype of(Object descr) {
        if (descr instanceof String text) {
            return simple(text);
        }
        if (descr instanceof PythonLiteral.Sequence seq && !seq.tuple()) {
            BigInteger size = BigInteger.ZERO;
            boolean object = false;
            for (Object field : seq.items()) {
                NumpyDtype type = field(field);
                size = size.add(type.itemSize);
                object |= type.hasObject;
            }
            return new NumpyDtype(size, object);
        }
        if (descr instanceof PythonLiteral.Sequence seq && seq.items().size() == 2) {
            return subarray(of(seq.items().get(0)), seq.items().get(1));
        }
        throw new IllegalArgumentException("descr is neither a type string nor a list of fields");
    }

    /** One field of a structured dtype: (name, descr) or (name, descr, shape); the name may be (title, name). */
    private static NumpyDtype field(Object field) {
        if (!(field instanceof PythonLiteral.Sequence seq)
                || !seq.tuple()
                || seq.items().size() < 2
                || seq.items().size() > 3) {
            throw new IllegalArgumentException("a field is not a (name, type[, shape]) tuple");
        }
        Object name = seq.items().get(0);
        if (!(name instanceof String) && !(name instanceof PythonLiteral.Sequence)) {
            throw new IllegalArgumentException("a field name is not a string");
        }
        NumpyDtype type = of(seq.items().get(1));
        return seq.items().size() == 3 ? subarray(type, seq.items().get(2)) : type;
    }

    private static NumpyDtype subarray(NumpyDtype type, Object shape) {
        BigInteger count = BigInteger.ONE;
        if (shape instanceof BigInteger n) {
            count = n;
        } else if (shape instanceof PythonLiteral.Sequence dims) {
            for (Object d : dims.items()) {
                if (!(d instanceof BigInteger n)) {
                    throw new IllegalArgumentException("a subarray shape is not integers");
                }
                count = count.multiply(n);
            }
        } else {
            throw new IllegalArgumentException("a subarray shape is not integers");
        }
        if (count.signum() < 0) {
            throw new IllegalArgumentException("a subarray shape is negative");
        }
        return new NumpyDtype(type.itemSize.multiply(count), type.hasObject);
    }

    private static NumpyDtype simple(String text) {
        Matcher m = SIMPLE.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a NumPy type string");
        }
        char kind = m.group(2).charAt(0);
        String digits = m.group(3);
        if (digits.length() > 9) {
            throw new IllegalArgumentException("'" + text + "' has an absurd size");
        }
        Integer size = digits.isEmpty() ? null : Integer.valueOf(digits);
        if (m.group(4) != null && kind != 'M' && kind != 'm') {
            throw new IllegalArgumentException("'" + text + "' has a unit but is no date or time type");
        }
        return switch (kind) {
            case 'b', '?' -> sized(width(text, size, 1), false);
            case 'i', 'u' -> sized(width(text, size, 1, 2, 4, 8), false);
            case 'f' -> sized(width(text, size, 2, 4, 8, 16), false);
            case 'c' -> sized(width(text, size, 8, 16, 32), false);
            case 'M', 'm' -> sized(width(text, size, 8), false);
            case 'O' -> sized(size == null ? 8 : width(text, size, 4, 8), true);
            case 'S', 'a', 'V' -> sized(size == null ? 0 : size, false);
            case 'U' -> sized(size == null ? 0 : 4L * size, false);
            default -> throw new IllegalArgumentException("'" + text + "' is not a type NumPy stores");
        };
    }

    private static NumpyDtype sized(long bytes, boolean object) {
        return new NumpyDtype(BigInteger.valueOf(bytes), object);
    }

    /** The element width a type string states, which must be one NumPy uses for its kind. */
    private static int width(String text, Integer size, int... allowed) {
        if (size == null) {
            if (allowed.length == 1) {
                return allowed[0];
            }
            throw new IllegalArgumentException("'" + text + "' lacks its size");
        }
        for (int a : allowed) {
            if (a == size) {
                return a;
            }
        }
        throw new IllegalArgumentException("'" + text + "' has a size NumPy does not use");
    }
}
