/** AI-model evidence: format validation, the unsafe-deserialization scan and model signatures. */
package io.lotabots.attestation.model.control;
