/** The console's landing page: attestation volume and outcomes, the review queue, the audit chain, key ages. */
package io.lotabots.platform.console.overview;
