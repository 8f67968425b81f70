/**
 * Operational gauges no component owns: the messaging engine's queue depths and the served TLS
 * certificate's expiry. The components' own metrics live with them; the API's request metrics in
 * the web module ({@code platform.api.metrics}).
 */
package io.lotabots.platform.metrics;
