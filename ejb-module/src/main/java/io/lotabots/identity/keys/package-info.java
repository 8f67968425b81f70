/**
 * Access-token signing keys: the current key, the published JWK set, rotation. Their file and the
 * key ring are the platform's ({@link io.lotabots.platform.keys}).
 */
package io.lotabots.identity.keys;
