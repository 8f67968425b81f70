/** MicroProfile Health checks: readiness per dependency, liveness of the JVM. */
package io.lotabots.platform.api.health;
