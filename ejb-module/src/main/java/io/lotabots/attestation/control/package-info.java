/**
 * The attestation job's parts behind the boundary: nonces, the queue, appraisal results, the EAR
 * result token and the metrics. None of it knows a type of evidence.
 */
package io.lotabots.attestation.control;
