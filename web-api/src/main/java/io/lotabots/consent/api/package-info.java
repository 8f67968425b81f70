/** Consent management's API under {@code /api/v1/privacy}: purposes, officers' records and search, self-service. */
package io.lotabots.consent.api;
