/** The identity facade: login, refresh, logout, and the first administrator. */
package io.lotabots.identity.boundary;
