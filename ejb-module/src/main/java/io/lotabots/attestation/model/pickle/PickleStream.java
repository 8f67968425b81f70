package io.lotabots.attestation.model.pickle;

import io.lotabots.attestation.model.source.MalformedModelException;

/**
 * How one pickle stream ended: the value STOP returned, or the problem that stopped the simulated load (with the
 * opcode being run), plus what was seen on the way (protocol, imports of names written in the stream, opcodes run).
 */
public record PickleStream(
        long start,
        long end,
        PickleValue value,
        MalformedModelException problem,
        PickleOpcode failedOpcode,
        int protocol,
        int imports,
        int opcodes) {

    public boolean complete() {
        return problem == null;
    }
}
