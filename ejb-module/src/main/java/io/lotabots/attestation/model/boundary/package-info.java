/** AI-model attestation's facade: submissions, their appraisal, and model policies. */
package io.lotabots.attestation.model.boundary;
