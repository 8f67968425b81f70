/**
 * Envelope encryption at rest for every object the platform stores: a data key per object version,
 * content in AES-256-GCM chunks ({@link io.lotabots.platform.encryption.ChunkFormat}), data keys wrapped
 * by the owning tenant's versioned key-encryption key, KEKs kept by a {@link
 * io.lotabots.platform.encryption.KekProvider} (local key file or AWS KMS).
 */
package io.lotabots.platform.encryption;
