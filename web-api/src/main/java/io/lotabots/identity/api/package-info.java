/**
 * REST endpoints of identity: login, refresh, logout, the client-credentials token endpoint, users
 * and roles, API keys, lockouts after failed logins, and the published signing keys.
 */
package io.lotabots.identity.api;
