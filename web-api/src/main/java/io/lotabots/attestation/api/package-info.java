/** REST resources of every attestation type: results, their evidence and reports, reviews. */
package io.lotabots.attestation.api;
