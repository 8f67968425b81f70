package io.lotabots.attestation.model.pickle;

import io.lotabots.attestation.model.control.ModelRisk;
import io.lotabots.attestation.model.pickle.PickleValue.Atom;
import io.lotabots.attestation.model.pickle.PickleValue.Call;
import io.lotabots.attestation.model.pickle.PickleValue.Container;
import io.lotabots.attestation.model.pickle.PickleValue.Global;
import io.lotabots.attestation.model.pickle.PickleValue.Int;
import io.lotabots.attestation.model.pickle.PickleValue.Persistent;
import io.lotabots.attestation.model.pickle.PickleValue.Text;
import io.lotabots.attestation.model.pickle.PickleValue.Tuple;
import io.lotabots.attestation.model.scan.ScanContext;
import io.lotabots.attestation.model.source.MalformedModelException;
import io.lotabots.attestation.model.source.ModelInput;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Runs one pickle stream the way CPython's unpickler does (a stack, a mark stack, a memo, the protocol), without
 * importing or calling anything: imports become {@link Global}s judged by the {@link GlobalPolicy} and reported
 * where they occur, calls become {@link Call}s. Because operands are real stack values, STACK_GLOBAL sees what a
 * load would see whether its strings were pushed, fetched from the memo or computed (then it cannot be resolved:
 * unsafe). Imports are reported as they are met, so a dangerous import followed by garbage is still reported.
 *
 * <p>In <em>probe</em> mode (content whose format is not yet known) GLOBAL lines must be Python names and
 * byte strings are not opened: random bytes end the run early instead of producing imports of noise.
 */
public final class PickleMachine {

    private static final Pattern PYTHON_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final int GLOBAL_LINE = 64 * 1024;
    private static final int PROBE_GLOBAL_LINE = 512;

    /** Beyond this many distinct findings a stream stops remembering them (the file's findings are capped anyway). */
    private static final int MAX_DISTINCT_REPORTS = 10_000;

    private final ModelInput in;
    private final ScanContext context;
    private final GlobalPolicy policy;
    private final boolean probe;
    private final Consumer<Persistent> persistentIds;
    private final PickleCursor cursor = new PickleCursor();
    private final PickleStack stack;
    private final PickleLiterals literals;
    private final Set<String> reported = new HashSet<>();
    private int protocol;
    private int imports;
    private int opcodes;

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
        this.stack = new PickleStack(cursor, context.limits().maxPickleValues());
        this.literals = new PickleLiterals(in, context, cursor, probe);
    }

    /** Runs until STOP or until the load would fail; never throws for bad content. */
    public PickleStream run() {
        long start = in.position();
        try {
            while (true) {
                long at = in.position();
                int code = in.u8();
                cursor.moveTo(at, PickleOpcode.of(code));
                if (cursor.opcode() == null) {
                    throw cursor.problem(
                            "unknown-opcode",
                            String.format("byte 0x%02x at offset %d is not a pickle opcode", code, at));
                }
                opcodes++;
                if (cursor.opcode() == PickleOpcode.STOP) {
                    PickleValue value = stack.pop();
                    return new PickleStream(start, in.position(), value, null, null, protocol, imports, opcodes);
                }
                step(cursor.opcode());
            }
        } catch (MalformedModelException e) {
            return new PickleStream(start, in.position(), null, e, cursor.opcode(), protocol, imports, opcodes);
        }
    }

    private void step(PickleOpcode op) {
        switch (op) {
            case MARK -> stack.mark();
            case POP -> {
                if (stack.isEmpty()) {
                    stack.popMark();
                } else {
                    stack.pop();
                }
            }
            case POP_MARK -> stack.popMark();
            case DUP -> stack.push(stack.top());
            case PROTO -> proto(in.u8());
            case FRAME -> in.u64();
            case STOP -> throw new IllegalStateException("STOP is handled by run()");
            case PERSID -> persistent(
                    new Text(PickleLiterals.ascii(in.line("PERSID id", PickleLiterals.TEXT_LINE)), true));
            case BINPERSID -> persistent(stack.pop());
            case NEXT_BUFFER -> throw cursor.problem(
                    "out-of-band-buffer", "NEXT_BUFFER asks for out-of-band data, which a stored file cannot supply");
            case READONLY_BUFFER -> stack.top();
            default -> {
                if (!literal(op) && !container(op) && !memo(op)) {
                    importOrCall(op);
                }
            }
        }
    }

    private boolean literal(PickleOpcode op) {
        PickleValue value =
                switch (op) {
                    case NONE -> Atom.NONE;
                    case NEWTRUE -> Atom.TRUE;
                    case NEWFALSE -> Atom.FALSE;
                    case INT -> literals.intLine();
                    case BININT -> new Int(BigInteger.valueOf(in.i32()));
                    case BININT1 -> new Int(BigInteger.valueOf(in.u8()));
                    case BININT2 -> new Int(BigInteger.valueOf(in.u16()));
                    case LONG -> literals.longLine();
                    case LONG1 -> literals.longBinary(in.u8());
                    case LONG4 -> literals.longBinary(literals.nonNegative(in.i32(), "the byte count"));
                    case FLOAT -> literals.floatLine();
                    case BINFLOAT -> literals.binaryFloat();
                    case STRING -> literals.quotedString();
                    case BINSTRING -> literals.pythonTwoString(literals.nonNegative(in.i32(), "the byte count"));
                    case SHORT_BINSTRING -> literals.pythonTwoString(in.u8());
                    case UNICODE -> literals.rawUnicode();
                    case BINUNICODE -> literals.utf8(in.u32());
                    case SHORT_BINUNICODE -> literals.utf8(in.u8());
                    case BINUNICODE8 -> literals.utf8(literals.length64());
                    case BINBYTES -> literals.bytes(in.u32());
                    case SHORT_BINBYTES -> literals.bytes(in.u8());
                    case BINBYTES8, BYTEARRAY8 -> literals.bytes(literals.length64());
                    default -> null;
                };
        if (value != null) {
            stack.push(value);
        }
        return value != null;
    }

    private boolean container(PickleOpcode op) {
        switch (op) {
            case EMPTY_TUPLE -> stack.push(new Tuple(List.of()));
            case TUPLE1 -> stack.push(stack.tuple(1));
            case TUPLE2 -> stack.push(stack.tuple(2));
            case TUPLE3 -> stack.push(stack.tuple(3));
            case TUPLE -> stack.push(new Tuple(List.copyOf(stack.popMark())));
            case EMPTY_LIST -> stack.push(new Container(Container.Kind.LIST));
            case EMPTY_DICT -> stack.push(new Container(Container.Kind.DICT));
            case EMPTY_SET -> stack.push(new Container(Container.Kind.SET));
            case LIST -> stack.push(stack.filled(Container.Kind.LIST, stack.popMark()));
            case DICT -> stack.push(stack.filled(Container.Kind.DICT, stack.pairs(stack.popMark())));
            case FROZENSET -> stack.push(stack.filled(Container.Kind.FROZENSET, stack.popMark()));
            case APPEND -> {
                PickleValue value = stack.pop();
                stack.add(target(), List.of(value));
            }
            case APPENDS, ADDITEMS -> {
                List<PickleValue> items = stack.popMark();
                stack.add(target(), items);
            }
            case SETITEM -> {
                PickleValue value = stack.pop();
                PickleValue key = stack.pop();
                stack.add(target(), List.of(key, value));
            }
            case SETITEMS -> {
                List<PickleValue> items = stack.pairs(stack.popMark());
                stack.add(target(), items);
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean memo(PickleOpcode op) {
        switch (op) {
            case GET -> stack.push(stack.recall(literals.lineIndex()));
            case BINGET -> stack.push(stack.recall(in.u8()));
            case LONG_BINGET -> stack.push(stack.recall(in.u32()));
            case PUT -> stack.remember(literals.lineIndex());
            case BINPUT -> stack.remember(in.u8());
            case LONG_BINPUT -> stack.remember(in.u32());
            case MEMOIZE -> stack.remember(stack.nextMemoIndex());
            default -> {
                return false;
            }
        }
        return true;
    }

    // ---- imports and calls: where code would run

    private void importOrCall(PickleOpcode op) {
        switch (op) {
            case GLOBAL -> stack.push(importGlobal(line("GLOBAL module"), line("GLOBAL name")));
            case INST -> {
                Global klass = importGlobal(line("INST module"), line("INST name"));
                stack.push(call(klass, new Tuple(List.copyOf(stack.popMark()))));
            }
            case STACK_GLOBAL -> {
                PickleValue name = stack.pop();
                PickleValue module = stack.pop();
                stack.push(stackGlobal(module, name));
            }
            case EXT1 -> stack.push(extension(in.u8()));
            case EXT2 -> stack.push(extension(in.u16()));
            case EXT4 -> stack.push(extension(in.i32()));
            case REDUCE, NEWOBJ -> {
                PickleValue args = stack.pop();
                PickleValue callable = stack.pop();
                stack.push(call(callable, args));
            }
            case NEWOBJ_EX -> {
                stack.pop();
                PickleValue args = stack.pop();
                PickleValue cls = stack.pop();
                stack.push(call(cls, args));
            }
            case OBJ -> {
                List<PickleValue> items = stack.popMark();
                if (items.isEmpty()) {
                    throw cursor.problem("stack-underflow", cursor.where() + " has no class after its mark");
                }
                stack.push(call(items.get(0), new Tuple(List.copyOf(items.subList(1, items.size())))));
            }
            case BUILD -> {
                stack.pop();
                if (stack.top() instanceof Global global) {
                    mutatesGlobal(global);
                }
            }
            default -> throw new IllegalStateException("unhandled opcode " + op);
        }
    }

    private Global importGlobal(byte[] moduleLine, byte[] nameLine) {
        String module = Utf8Text.decode(moduleLine, false);
        String name = Utf8Text.decode(nameLine, false);
        if (module == null || name == null) {
            throw cursor.problem("bad-argument", cursor.where() + " names a module or global that is not UTF-8");
        }
        if (probe
                && (!PYTHON_NAME.matcher(module).matches()
                        || !PYTHON_NAME.matcher(name).matches())) {
            throw cursor.problem("not-a-pickle", cursor.where() + " does not name a Python global");
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
                cursor.opcode() + " imports whatever the copyreg extension registry maps code " + code
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
                    cursor.opcode() + " imports " + module + "." + name + ": " + verdict.reason());
        }
        return new Global(module, name, verdict.severity());
    }

    private Call call(PickleValue callable, PickleValue args) {
        if (!(callable instanceof Global)) {
            report(
                    null,
                    "pickle.indirect-call",
                    ModelRisk.SUSPICIOUS,
                    cursor.opcode() + " calls " + callable.describe() + ", not an imported global");
        }
        return new Call(callable, args, cursor.opcode());
    }

    /** The target of APPEND(S), SETITEM(S), ADDITEMS: an imported object itself would be patched. */
    private PickleValue target() {
        PickleValue target = stack.top();
        if (target instanceof Global global) {
            mutatesGlobal(global);
        }
        return target;
    }

    private void mutatesGlobal(Global global) {
        report(
                global.qualifiedName(),
                "pickle.mutates-global",
                ModelRisk.UNSAFE,
                cursor.opcode() + " changes the imported object " + global.qualifiedName()
                        + " itself, altering code every later load uses");
    }

    private void persistent(PickleValue id) {
        Persistent value = new Persistent(id);
        persistentIds.accept(value);
        stack.push(value);
    }

    private void proto(int version) {
        if (version > 5) {
            throw cursor.problem(
                    "unsupported-protocol", "protocol " + version + " at offset " + cursor.at() + " does not exist");
        }
        if (opcodes > 1) {
            report(
                    null,
                    "pickle.misplaced-proto",
                    ModelRisk.SUSPICIOUS,
                    "PROTO " + version + " in the middle of a stream changes how later opcodes are read");
        }
        protocol = version;
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
                        cursor.opcode() + " names a global longer than " + GLOBAL_LINE
                                + " bytes; what it imports was not read");
            }
            throw e;
        }
    }

    private void report(String global, String rule, ModelRisk severity, String detail) {
        String key = rule + " " + global + " " + cursor.opcode();
        if (reported.size() >= MAX_DISTINCT_REPORTS || reported.add(key)) {
            context.reportOpcode(cursor.at(), cursor.opcode().name(), global, rule, severity, detail);
        }
    }
}
