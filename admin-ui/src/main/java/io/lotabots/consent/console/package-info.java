/** The console's *Consent* view: the purpose catalogue, consent search, history and receipts. */
package io.lotabots.consent.console;
