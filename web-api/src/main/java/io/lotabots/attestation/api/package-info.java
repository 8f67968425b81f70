/** REST resources of attestation: hardware nonces and submissions, results of every type. */
package io.lotabots.attestation.api;
