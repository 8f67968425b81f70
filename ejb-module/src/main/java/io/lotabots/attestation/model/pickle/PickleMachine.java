package io.lotabots.attestation.model.pickle;

import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.pickle.PickleValue.Atom;
import io.lotabots.attestation.model.pickle.PickleValue.Bytes;
import io.lotabots.attestation.model.pickle.PickleValue.Call;
import io.lotabots.attestation.model.pickle.PickleValue.Container;
import io.lotabots.attestation.model.pickle.PickleValue.Global;
import io.lotabots.attestation.model.pickle.PickleValue.Int;
import io.lotabots.attestation.model.pickle.PickleValue.Persistent;
import io.lotabots.attestation.model.pickle.PickleValue.Real;
import io.lotabots.attestation.model.pickle.PickleValue.Text;
import io.lotabots.attestation.model.pickle.PickleValue.Tuple;
import io.lotabots.attestation.model.scan.ScanContext;
import io.lotabots.attestation.model.source.ByteArraySource;
import io.lotabots.attestation.model.source.MalformedModelException;
import io.lotabots.attestation.model.source.ModelInput;
import io.lotabots.attestation.model.source.SpooledBytes;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Runs one pickle stream the way CPython's unpickler does (a stack, a mark stack, a memo, the protocol), without
 * importing or calling anything: imports become {@link Global}s judged by the {@link GlobalPolicy} and reported
 * where they occur, calls become {@link Call}s. Because operands are real stack values, STACK_GLOBAL sees what a
 * load would see whether its strings were pushed, fetched from the memo or computed (then it cannot be resolved:
 * unsafe). Imports are reported as they are met, so a dangerous import followed by garbage is still reported.
 * Byte strings that may hold a pickle or an archive are handed back to the scanner as nested content.
 *
 * <p>In <em>probe</em> mode (content whose format is not yet known) GLOBAL lines must be Python names and
 * byte strings are not opened: random bytes end the run early instead of producing imports of noise.
 */
public final class PickleMachine {

    private static final Pattern PYTHON_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final int GLOBAL_LINE = 64 * 1024;
    private static final int PROBE_GLOBAL_LINE = 512;
    private static final int NUMBER_LINE = 64 * 1024;
    private static final int KEPT_CHARS = 64 * 1024;
    private static final int TEXT_LINE = 1 << 20;
    private static final int KEPT_LONG_BYTES = 4096;

    /** Beyond this many distinct findings a stream stops remembering them (the file's findings are capped anyway). */
    private static final int MAX_DISTINCT_REPORTS = 10_000;

    private final ModelInput in;
    private final ScanContext context;
    private final GlobalPolicy policy;
    private final boolean probe;
    private final Consumer<Persistent> persistentIds;
    private final int maxValues;

    private List<PickleValue> stack = new ArrayList<>();
    private final Deque<List<PickleValue>> marks = new ArrayDeque<>();
    private final Map<Long, PickleValue> memo = new HashMap<>();
    private final Set<String> reported = new HashSet<>();
    private int stackValues;
    private int trackedItems;
    private int protocol;
    private int imports;
    private int opcodes;
    private PickleOpcode current;
    private long at;

    public PickleMachine(
            ModelInput in,
            ScanContext context,
            GlobalPolicy policy,
            boolean probe,
            Consumer<Persistent> persistentIds) {
        this.in = in;
        this.context = context;
        this.policy = policy;
        this.probe = probe;
        this.persistentIds = persistentIds == null ? id -> {} : persistentIds;
        this.maxValues = context.limits().maxPickleValues();
    }

    /** Runs until STOP or until the load would fail; never throws for bad content. */
    public PickleStream run() {
        long start = in.position();
        try {
            while (true) {
                at = in.position();
                int code = in.u8();
                current = PickleOpcode.of(code);
                if (current == null) {
                    throw problem(
                            "unknown-opcode",
                            String.format("byte 0x%02x at offset %d is not a pickle opcode", code, at));
                }
                opcodes++;
                if (current == PickleOpcode.STOP) {
                    PickleValue value = pop();
                    return new PickleStream(start, in.position(), value, null, null, protocol, imports, opcodes);
                }
                step(current);
            }
        } catch (MalformedModelException e) {
            return new PickleStream(start, in.position(), null, e, current, protocol, imports, opcodes);
        }
    }

    private void step(PickleOpcode op) {
        switch (op) {
            case MARK -> {
                marks.push(stack);
                stack = new ArrayList<>();
            }
            case POP -> {
                if (stack.isEmpty()) {
                    popMark();
                } else {
                    pop();
                }
            }
            case POP_MARK -> popMark();
            case DUP -> push(top());
            case PROTO -> proto(in.u8());
            case FRAME -> in.u64();
            case NONE -> push(Atom.NONE);
            case NEWTRUE -> push(Atom.TRUE);
            case NEWFALSE -> push(Atom.FALSE);
            case INT -> push(intLine());
            case BININT -> push(new Int(BigInteger.valueOf(in.i32())));
            case BININT1 -> push(new Int(BigInteger.valueOf(in.u8())));
            case BININT2 -> push(new Int(BigInteger.valueOf(in.u16())));
            case LONG -> push(longLine());
            case LONG1 -> push(longBinary(in.u8()));
            case LONG4 -> push(longBinary(nonNegative(in.i32(), "LONG4 byte count")));
            case FLOAT -> push(floatLine());
            case BINFLOAT -> push(new Real(Double.longBitsToDouble(Long.reverseBytes(in.u64()))));
            case STRING -> push(quotedString());
            case BINSTRING -> push(pythonTwoString(nonNegative(in.i32(), "BINSTRING byte count")));
            case SHORT_BINSTRING -> push(pythonTwoString(in.u8()));
            case UNICODE -> push(rawUnicode());
            case BINUNICODE -> push(utf8(in.u32()));
            case SHORT_BINUNICODE -> push(utf8(in.u8()));
            case BINUNICODE8 -> push(utf8(length64("BINUNICODE8")));
            case BINBYTES -> push(bytes(in.u32()));
            case SHORT_BINBYTES -> push(bytes(in.u8()));
            case BINBYTES8, BYTEARRAY8 -> push(bytes(length64(op.name())));
            case NEXT_BUFFER -> throw problem(
                    "out-of-band-buffer", "NEXT_BUFFER asks for out-of-band data, which a stored file cannot supply");
            case READONLY_BUFFER -> top();
            case EMPTY_TUPLE -> push(new Tuple(List.of()));
            case TUPLE1 -> push(tuple(1));
            case TUPLE2 -> push(tuple(2));
            case TUPLE3 -> push(tuple(3));
            case TUPLE -> push(new Tuple(List.copyOf(popMark())));
            case EMPTY_LIST -> push(new Container(Container.Kind.LIST));
            case EMPTY_DICT -> push(new Container(Container.Kind.DICT));
            case EMPTY_SET -> push(new Container(Container.Kind.SET));
            case LIST -> push(filled(Container.Kind.LIST, popMark()));
            case DICT -> push(filled(Container.Kind.DICT, pairs(popMark())));
            case FROZENSET -> push(filled(Container.Kind.FROZENSET, popMark()));
            case APPEND -> {
                PickleValue value = pop();
                add(target(), List.of(value));
            }
            case APPENDS, ADDITEMS -> {
                List<PickleValue> items = popMark();
                add(target(), items);
            }
            case SETITEM -> {
                PickleValue value = pop();
                PickleValue key = pop();
                add(target(), List.of(key, value));
            }
            case SETITEMS -> {
                List<PickleValue> items = pairs(popMark());
                add(target(), items);
            }
            case GET -> push(recall(lineNumber("GET")));
            case BINGET -> push(recall(in.u8()));
            case LONG_BINGET -> push(recall(in.u32()));
            case PUT -> remember(nonNegative(lineNumber("PUT"), "PUT index"));
            case BINPUT -> remember(in.u8());
            case LONG_BINPUT -> remember(in.u32());
            case MEMOIZE -> remember(memo.size());
            case GLOBAL -> push(importGlobal(line("GLOBAL module"), line("GLOBAL name")));
            case INST -> {
                Global klass = importGlobal(line("INST module"), line("INST name"));
                push(call(klass, new Tuple(List.copyOf(popMark()))));
            }
            case STACK_GLOBAL -> {
                PickleValue name = pop();
                PickleValue module = pop();
                push(stackGlobal(module, name));
            }
            case EXT1 -> push(extension(in.u8()));
            case EXT2 -> push(extension(in.u16()));
            case EXT4 -> push(extension(in.i32()));
            case REDUCE -> {
                PickleValue args = pop();
                PickleValue callable = pop();
                push(call(callable, args));
            }
            case NEWOBJ -> {
                PickleValue args = pop();
                PickleValue cls = pop();
                push(call(cls, args));
            }
            case NEWOBJ_EX -> {
                pop();
                PickleValue args = pop();
                PickleValue cls = pop();
                push(call(cls, args));
            }
            case OBJ -> {
                List<PickleValue> items = popMark();
                if (items.isEmpty()) {
                    throw problem("stack-underflow", "OBJ at offset " + at + " has no class after its mark");
                }
                push(call(items.get(0), new Tuple(List.copyOf(items.subList(1, items.size())))));
            }
            case BUILD -> {
                pop();
                PickleValue instance = top();
                if (instance instanceof Global global) {
                    mutatesGlobal(global);
                }
            }
            case PERSID -> persistent(new Text(ascii(in.line("PERSID id", TEXT_LINE)), true));
            case BINPERSID -> persistent(pop());
            case STOP -> throw new IllegalStateException("STOP is handled by run()");
        }
    }

    // ---- imports and calls: where code would run

    private Global importGlobal(byte[] moduleLine, byte[] nameLine) {
        String module = Utf8Text.decode(moduleLine, false);
        String name = Utf8Text.decode(nameLine, false);
        if (module == null || name == null) {
            throw problem("bad-argument", current + " at offset " + at + " names a module or global that is not UTF-8");
        }
        if (probe
                && (!PYTHON_NAME.matcher(module).matches()
                        || !PYTHON_NAME.matcher(name).matches())) {
            throw problem("not-a-pickle", current + " at offset " + at + " does not name a Python global");
        }
        return judged(module, name);
    }

    private Global stackGlobal(PickleValue module, PickleValue name) {
        if (module instanceof Text m && m.complete() && name instanceof Text n && n.complete()) {
            return judged(m.value(), n.value());
        }
        report(
                null,
                "pickle.unresolved-global",
                ModelRisk.UNSAFE,
                "STACK_GLOBAL imports from " + module.describe() + " and " + name.describe()
                        + ", not from strings written in the pickle: the target cannot be known without running it");
        return new Global("?", "?", ModelRisk.UNSAFE);
    }

    private Global extension(long code) {
        report(
                null,
                "pickle.extension-code",
                ModelRisk.UNSAFE,
                current + " imports whatever the copyreg extension registry maps code " + code
                        + " to when loaded; the pickle does not say what");
        return new Global("copyreg.extension", Long.toString(code), ModelRisk.UNSAFE);
    }

    private Global judged(String module, String name) {
        imports++;
        ImportVerdict verdict = policy.judge(module, name);
        if (!verdict.allowed()) {
            report(
                    module + "." + name,
                    verdict.rule(),
                    verdict.severity(),
                    current + " imports " + module + "." + name + ": " + verdict.reason());
        }
        return new Global(module, name, verdict.severity());
    }

    private Call call(PickleValue callable, PickleValue args) {
        if (!(callable instanceof Global)) {
            report(
                    null,
                    "pickle.indirect-call",
                    ModelRisk.SUSPICIOUS,
                    current + " calls " + callable.describe() + ", not an imported global");
        }
        return new Call(callable, args, current);
    }

    private void mutatesGlobal(Global global) {
        report(
                global.qualifiedName(),
                "pickle.mutates-global",
                ModelRisk.UNSAFE,
                current + " changes the imported object " + global.qualifiedName()
                        + " itself, altering code every later load uses");
    }

    private void persistent(PickleValue id) {
        Persistent value = new Persistent(id);
        persistentIds.accept(value);
        push(value);
    }

    private void proto(int version) {
        if (version > 5) {
            throw problem("unsupported-protocol", "protocol " + version + " at offset " + at + " does not exist");
        }
        if (opcodes > 1 && reported.add("proto")) {
            context.reportOpcode(
                    at,
                    current.name(),
                    null,
                    "pickle.misplaced-proto",
                    ModelRisk.SUSPICIOUS,
                    "PROTO " + version + " in the middle of a stream changes how later opcodes are read");
        }
        protocol = version;
    }

    private void report(String global, String rule, ModelRisk severity, String detail) {
        String key = rule + " " + global + " " + current;
        if (reported.size() >= MAX_DISTINCT_REPORTS || reported.add(key)) {
            context.reportOpcode(at, current.name(), global, rule, severity, detail);
        }
    }

    // ---- containers and the stack

    private PickleValue target() {
        PickleValue target = top();
        if (target instanceof Global global) {
            mutatesGlobal(global);
        }
        return target;
    }

    private void add(PickleValue target, List<PickleValue> items) {
        if (target instanceof Container container && !container.truncated()) {
            if (trackedItems + items.size() > maxValues) {
                container.truncate();
                return;
            }
            trackedItems += items.size();
            container.items().addAll(items);
        }
    }

    private Container filled(Container.Kind kind, List<PickleValue> items) {
        Container container = new Container(kind);
        add(container, items);
        return container;
    }

    private List<PickleValue> pairs(List<PickleValue> items) {
        if (items.size() % 2 != 0) {
            throw problem("odd-items", current + " at offset " + at + " has an odd number of keys and values");
        }
        return items;
    }

    private Tuple tuple(int n) {
        PickleValue[] items = new PickleValue[n];
        for (int i = n - 1; i >= 0; i--) {
            items[i] = pop();
        }
        return new Tuple(List.of(items));
    }

    private void push(PickleValue value) {
        if (++stackValues > maxValues) {
            throw problem(
                    "too-large",
                    "the stream holds more than " + maxValues + " values; it was not simulated " + "to its end");
        }
        stack.add(value);
    }

    private PickleValue pop() {
        if (stack.isEmpty()) {
            throw problem("stack-underflow", current + " at offset " + at + " pops from an empty stack");
        }
        stackValues--;
        return stack.remove(stack.size() - 1);
    }

    private PickleValue top() {
        if (stack.isEmpty()) {
            throw problem("stack-underflow", current + " at offset " + at + " needs a value on the stack");
        }
        return stack.get(stack.size() - 1);
    }

    private List<PickleValue> popMark() {
        if (marks.isEmpty()) {
            throw problem("no-mark", current + " at offset " + at + " needs a MARK that was never set");
        }
        List<PickleValue> items = stack;
        stackValues -= items.size();
        stack = marks.pop();
        return items;
    }

    private PickleValue recall(long index) {
        PickleValue value = memo.get(index);
        if (value == null) {
            throw problem("memo-missing", current + " at offset " + at + " reads memo " + index + ", never stored");
        }
        return value;
    }

    private void remember(long index) {
        if (!memo.containsKey(index) && memo.size() >= maxValues) {
            throw problem("too-large", "the memo holds more than " + maxValues + " values");
        }
        memo.put(index, top());
    }

    // ---- literals

    private PickleValue intLine() {
        String text = ascii(in.line("INT", NUMBER_LINE));
        if (text.equals("00")) {
            return Atom.FALSE;
        }
        if (text.equals("01")) {
            return Atom.TRUE;
        }
        return new Int(number(text, "INT"));
    }

    private PickleValue longLine() {
        String text = ascii(in.line("LONG", NUMBER_LINE));
        return new Int(number(text.endsWith("L") ? text.substring(0, text.length() - 1) : text, "LONG"));
    }

    private long lineNumber(String opcode) {
        BigInteger value = number(ascii(in.line(opcode, NUMBER_LINE)), opcode);
        if (value.bitLength() > 62) {
            throw problem("bad-argument", opcode + " at offset " + at + " has an index out of range");
        }
        return value.longValue();
    }

    private BigInteger number(String text, String opcode) {
        BigInteger value = PythonLiterals.integer(text);
        if (value == null) {
            throw problem("bad-argument", opcode + " at offset " + at + " has no integer argument");
        }
        return value;
    }

    private PickleValue floatLine() {
        String text = ascii(in.line("FLOAT", NUMBER_LINE)).strip();
        try {
            return new Real(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            if (text.matches("(?i)[+-]?(inf|infinity|nan)")) {
                return new Real(Double.NaN);
            }
            throw problem("bad-argument", "FLOAT at offset " + at + " has no float argument");
        }
    }

    private Int longBinary(long length) {
        if (length > KEPT_LONG_BYTES) {
            in.skip(length);
            return new Int(null);
        }
        byte[] little = in.bytes("LONG bytes", (int) length);
        if (length == 0) {
            return new Int(BigInteger.ZERO);
        }
        byte[] big = new byte[little.length];
        for (int i = 0; i < little.length; i++) {
            big[i] = little[little.length - 1 - i];
        }
        return new Int(new BigInteger(big));
    }

    private Text quotedString() {
        byte[] line = in.line("STRING", TEXT_LINE);
        byte[] value = PythonLiterals.quotedString(line);
        if (value == null) {
            throw problem("bad-argument", "STRING at offset " + at + " is not a quoted string");
        }
        return new Text(new String(value, StandardCharsets.ISO_8859_1), true);
    }

    private Text rawUnicode() {
        String value = PythonLiterals.rawUnicodeEscape(in.line("UNICODE", TEXT_LINE));
        if (value == null) {
            throw problem("bad-argument", "UNICODE at offset " + at + " has a broken \\u escape");
        }
        return new Text(value, true);
    }

    /** A Python 2 str: read as text for imports, opened as nested content like bytes. */
    private Text pythonTwoString(long length) {
        long start = in.position();
        if (length > KEPT_CHARS) {
            bytesContent(start, length, in.peek());
            return new Text("", false);
        }
        byte[] value = in.bytes("BINSTRING", (int) length);
        if (!probe && length >= 2 && mayHoldContent(value[0] & 0xFF)) {
            context.scanData("bytes@" + start, new ByteArraySource(value));
        }
        return new Text(new String(value, StandardCharsets.ISO_8859_1), true);
    }

    private Text utf8(long length) {
        var text = new Utf8Text(true, KEPT_CHARS);
        long left = length;
        while (left > 0) {
            int n = (int) Math.min(left, 64 * 1024);
            byte[] chunk = in.bytes("str", n);
            text.accept(chunk, 0, n);
            left -= n;
        }
        if (!text.finish()) {
            throw problem("bad-argument", current + " at offset " + at + " holds bytes that are not UTF-8");
        }
        return new Text(text.text(), text.complete());
    }

    private Bytes bytes(long length) {
        long start = in.position();
        int first = length == 0 ? -1 : in.peek();
        bytesContent(start, length, first);
        return new Bytes(length);
    }

    private void bytesContent(long start, long length, int first) {
        if (probe || length < 2 || !mayHoldContent(first)) {
            in.skip(length);
            return;
        }
        try (var spool = new SpooledBytes()) {
            in.copyTo(spool, length);
            context.scanData("bytes@" + start, spool.finish());
        } catch (IOException e) {
            throw new MalformedModelException(
                    "file.read-error",
                    start,
                    "could not keep the byte string at offset " + start + ": " + e.getMessage());
        }
    }

    /** First bytes of a pickle (with or without PROTO), a zip, a NumPy array or a gzip stream. */
    private static boolean mayHoldContent(int first) {
        return first == 0x80
                || first == 'c'
                || first == 'i'
                || first == '('
                || first == 'P'
                || first == 0x93
                || first == 0x1f;
    }

    private long length64(String opcode) {
        long length = in.u64();
        if (length < 0) {
            throw problem("bad-argument", opcode + " at offset " + at + " declares more than 2^63 bytes");
        }
        return length;
    }

    private long nonNegative(long value, String what) {
        if (value < 0) {
            throw problem("bad-argument", what + " at offset " + at + " is negative");
        }
        return value;
    }

    private byte[] line(String field) {
        try {
            return in.line(field, probe ? PROBE_GLOBAL_LINE : GLOBAL_LINE);
        } catch (MalformedModelException e) {
            if (!probe && e.rule().endsWith(".line-too-long")) {
                report(
                        null,
                        "pickle.unresolved-global",
                        ModelRisk.UNSAFE,
                        current + " names a global longer than " + GLOBAL_LINE
                                + " bytes; what it imports was not read");
            }
            throw e;
        }
    }

    private static String ascii(byte[] bytes) {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private MalformedModelException problem(String what, String detail) {
        return new MalformedModelException("pickle." + what, at, detail);
    }
}
