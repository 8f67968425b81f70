package io.lotabots.attestation.model.pickle;

import io.lotabots.attestation.model.control.ModelRisk;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A value on the simulated unpickler's stack or memo. Literals keep what the checks need (strings up to a bound,
 * integers, lengths of byte strings); imports are {@link Global}s; anything a real load would compute by calling
 * code is a {@link Call} that remembers what was called, never a result.
 */
public sealed interface PickleValue {

    /** Short name for findings ("a str", "the result of a call"). */
    String describe();

    /** A {@code str} (or a Python 2 {@code str}); {@code complete} is false when only its start was kept. */
    record Text(String value, boolean complete) implements PickleValue {
        public String describe() {
            return "a str";
        }
    }

    record Bytes(long length) implements PickleValue {
        public String describe() {
            return "a bytes object";
        }
    }

    /** An int; {@code value} is null for one too long to keep. */
    record Int(BigInteger value) implements PickleValue {
        public String describe() {
            return "an int";
        }
    }

    record Real(double value) implements PickleValue {
        public String describe() {
            return "a float";
        }
    }

    enum Atom implements PickleValue {
        NONE,
        TRUE,
        FALSE,
        /** An out-of-band buffer or an extension-registry object: nothing known about it. */
        OPAQUE;

        public String describe() {
            return this == OPAQUE ? "an opaque object" : "a " + name().toLowerCase();
        }
    }

    record Tuple(List<PickleValue> items) implements PickleValue {
        public String describe() {
            return "a tuple";
        }
    }

    /** A list, dict (keys and values alternate), set or frozenset, its items kept up to the value limit. */
    final class Container implements PickleValue {
        public enum Kind {
            LIST,
            DICT,
            SET,
            FROZENSET
        }

        private final Kind kind;
        private final List<PickleValue> items = new ArrayList<>();
        private boolean truncated;

        Container(Kind kind) {
            this.kind = kind;
        }

        public Kind kind() {
            return kind;
        }

        public List<PickleValue> items() {
            return items;
        }

        /** True when items were dropped to stay within the value limit. */
        public boolean truncated() {
            return truncated;
        }

        void truncate() {
            truncated = true;
        }

        public String describe() {
            return "a " + kind.name().toLowerCase();
        }
    }

    /** What an import opcode yields: the module-level object, judged when it was imported. */
    record Global(String module, String name, ModelRisk risk) implements PickleValue {
        public String qualifiedName() {
            return module + "." + name;
        }

        public String describe() {
            return "the imported " + qualifiedName();
        }
    }

    /** What a call opcode yields: the result of calling {@code callable} with {@code args}. */
    record Call(PickleValue callable, PickleValue args, PickleOpcode opcode) implements PickleValue {
        public String describe() {
            return "the result of a call";
        }
    }

    /** What the loader's persistent_load returns for an id (torch storages). */
    record Persistent(PickleValue id) implements PickleValue {
        public String describe() {
            return "a persistent object";
        }
    }
}
