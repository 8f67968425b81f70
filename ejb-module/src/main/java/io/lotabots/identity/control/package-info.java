/**
 * Identity logic that needs no container: password hashing and policy, the opaque secrets behind
 * refresh tokens and API keys, page cursors, and what follows from a change of a user's access.
 */
package io.lotabots.identity.control;
