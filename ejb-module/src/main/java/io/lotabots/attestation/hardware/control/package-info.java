/** What enrollment and policy input share: the field problem a refusal names. */
package io.lotabots.attestation.hardware.control;
