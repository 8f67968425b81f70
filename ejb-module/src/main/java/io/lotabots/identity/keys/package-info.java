/** Token signing keys: the encrypted key file, the current key, the published JWK set, rotation. */
package io.lotabots.identity.keys;
