/**
 * Identity logic that needs no container: password hashing and policy, and the opaque secrets
 * behind refresh tokens and API keys.
 */
package io.lotabots.identity.control;
