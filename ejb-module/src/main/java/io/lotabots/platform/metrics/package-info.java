/**
 * Operational metrics no component owns: the messaging engine's queue depths, the served TLS
 * certificate's expiry, and the runs of the persistent timers ({@code TimerRuns}). The components' own metrics live with them; the API's request metrics in
 * the web module ({@code platform.api.metrics}).
 */
package io.lotabots.platform.metrics;
