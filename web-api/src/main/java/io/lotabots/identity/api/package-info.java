/** REST endpoints of identity: login, refresh, logout, lockouts after failed logins, and the published signing keys. */
package io.lotabots.identity.api;
