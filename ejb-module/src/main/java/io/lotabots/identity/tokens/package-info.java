/** Access tokens (signed JWTs), their settings, and session revocation shared through Redis. */
package io.lotabots.identity.tokens;
