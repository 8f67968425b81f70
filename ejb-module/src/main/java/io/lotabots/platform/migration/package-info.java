/** Versioned schema migrations (Flyway), applied at start-up. */
package io.lotabots.platform.migration;
