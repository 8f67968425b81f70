/** What a model attestation job stores as its evidence: the model's id and the pinned policy version. */
package io.lotabots.attestation.model.evidence;
