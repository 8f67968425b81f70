package io.lotabots.attestation.model.pickle;

import io.lotabots.attestation.model.source.MalformedModelException;

/** Which opcode the simulated unpickler is running and where it started, so every problem names both. */
final class PickleCursor {

    private PickleOpcode opcode;
    private long at;

    void moveTo(long offset, PickleOpcode op) {
        at = offset;
        opcode = op;
    }

    long at() {
        return at;
    }

    PickleOpcode opcode() {
        return opcode;
    }

    /** "BINGET at offset 12". */
    String where() {
        return opcode + " at offset " + at;
    }

    MalformedModelException problem(String what, String detail) {
        return new MalformedModelException("pickle." + what, at, detail);
    }
}
