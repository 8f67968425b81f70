/** REST endpoints of identity: login, refresh, logout, and the published signing keys. */
package io.lotabots.identity.api;
