/** The probes behind dependency health and the timer that keeps the gauges current. */
package io.lotabots.platform.health.control;
