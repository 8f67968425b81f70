/** Identifiers for rows written at a high rate. */
package io.lotabots.platform.ids;
