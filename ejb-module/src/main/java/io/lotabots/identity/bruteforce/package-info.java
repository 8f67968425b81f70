/**
 * Brute-force protection of password logins: failure counters per account and per source address in
 * Redis (shared by every server), progressive delays, temporary lockouts and their admin view.
 */
package io.lotabots.identity.bruteforce;
