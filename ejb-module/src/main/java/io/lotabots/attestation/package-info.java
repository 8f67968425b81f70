/**
 * Attestation jobs of every type: the one lifecycle (submit, queue, appraise, sweep, sign) that each
 * type joins with an {@link io.lotabots.attestation.control.Appraiser} and a submission facade in its
 * own sub-package ({@code hardware}, later {@code model}).
 */
package io.lotabots.attestation;
