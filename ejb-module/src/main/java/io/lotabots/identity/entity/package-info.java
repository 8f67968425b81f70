/** Persistent identity state: tenants, user accounts, sessions, refresh tokens. */
package io.lotabots.identity.entity;
