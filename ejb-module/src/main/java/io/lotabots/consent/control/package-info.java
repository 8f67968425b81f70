/** Consent's rules without the container: input checks, receipts, the current-state table. */
package io.lotabots.consent.control;
