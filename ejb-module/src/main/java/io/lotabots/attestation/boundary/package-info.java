/**
 * The attestation job's facade: submission after commit, processing (the MDB's one call), the
 * sweeper, reading results, and the metrics.
 */
package io.lotabots.attestation.boundary;
