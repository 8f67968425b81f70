/** Consent management: the purpose catalogue, grants and withdrawals, and the gate processing passes. */
package io.lotabots.consent.boundary;
