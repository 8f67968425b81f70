/** Model policies: their content as the appraiser applies it, and drafts checked field by field. */
package io.lotabots.attestation.model.policy;
