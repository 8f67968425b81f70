/**
 * What every attestation type's policies share: a name per tenant with numbered immutable versions, the
 * tenant's {@code default} policy made on first use, and the version a submission pins.
 */
package io.lotabots.attestation.policy;
