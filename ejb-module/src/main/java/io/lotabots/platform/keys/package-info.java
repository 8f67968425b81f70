/**
 * The deployment's keys at rest: the encrypted key files ({@link io.lotabots.platform.keys.KeyFiles}),
 * a rotating ring of signing keys, and single keys that never rotate (audit checkpoints, attestation
 * results).
 */
package io.lotabots.platform.keys;
