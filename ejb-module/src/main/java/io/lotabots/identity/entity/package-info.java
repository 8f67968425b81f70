/** Persistent identity state: tenants, user accounts, API keys, sessions, refresh tokens. */
package io.lotabots.identity.entity;
