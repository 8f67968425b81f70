/**
 * Request rate limits per client, held in Redis so every server shares them: a token bucket kept as
 * one timestamp per client (the generic cell rate algorithm), updated atomically by a Lua script.
 */
package io.lotabots.platform.ratelimit;
