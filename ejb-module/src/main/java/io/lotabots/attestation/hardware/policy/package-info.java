/** Hardware policies: their content as the verifier applies it, drafts checked field by field, and the version a submission pins. */
package io.lotabots.attestation.hardware.policy;
