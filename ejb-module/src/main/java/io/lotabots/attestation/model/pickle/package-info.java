/**
 * The unsafe-deserialization scan: pickle streams are run on a simulated unpickler (a real stack, mark stack and
 * memo, nothing imported or called) so that every import a real load would perform is seen with its actual
 * operands, however they were built; each import is judged by {@link
 * io.lotabots.attestation.model.pickle.GlobalPolicy} (allow-list first, deny-list, unresolvable means unsafe).
 */
package io.lotabots.attestation.model.pickle;
