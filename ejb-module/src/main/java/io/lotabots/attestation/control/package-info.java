/**
 * The attestation job's parts behind the boundary: nonces, the queue, the registered appraisers, the
 * evidence archive, the result issuer (report, result, EAR token) and reviews' input. None of it knows
 * a type of evidence.
 */
package io.lotabots.attestation.control;
