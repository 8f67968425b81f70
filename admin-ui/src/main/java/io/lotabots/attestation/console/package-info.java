/** The console's hardware attestation views: attestations with their review, policies, devices. */
package io.lotabots.attestation.console;
