/** The attestation job's persistent state. */
package io.lotabots.attestation.entity;
