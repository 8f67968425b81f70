package io.lotabots.attestation.model.signing;

import java.util.List;

/** What the signer signed: the model's name (informational), its root digest, the serialization and resources. */
record SignedManifest(
        String modelName, String rootDigest, Serialization serialization, List<SignedResource> resources) {}
