package io.lotabots.attestation.model.signing;

import java.util.List;

/**
 * How the signer turned the model into resources ({@code predicate.serialization}): by whole {@code files} or by
 * {@code shards} of {@code shardSize} bytes, the digest, whether symbolic links were followed, and the paths it
 * left out.
 */
record Serialization(String method, String hashType, long shardSize, boolean allowSymlinks, List<String> ignorePaths) {

    static final String FILES = "files";
    static final String SHARDS = "shards";

    boolean sharded() {
        return SHARDS.equals(method);
    }
}
