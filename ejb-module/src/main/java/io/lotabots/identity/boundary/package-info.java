/**
 * The identity facade: login, refresh, logout, the first administrator, the users and roles of a
 * tenant, API keys and their client-credentials grant.
 */
package io.lotabots.identity.boundary;
