package io.lotabots.attestation.model.api;

import java.util.UUID;

/** A model attestation request that passed the form check: the model and the policy name (null: default). */
public record ModelSubmission(UUID modelId, String policy) {}
