/** The injected {@link java.time.Clock}. */
package io.lotabots.platform.clock;
