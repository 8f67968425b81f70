/** AI-model attestation's REST resources: submissions and model policies. */
package io.lotabots.attestation.model.api;
