/** The evidence a hardware submission carries, and the canonical JSON document it is stored as. */
package io.lotabots.attestation.hardware.evidence;
