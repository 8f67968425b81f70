/** Identity and access: tenants, users, roles, API keys, login sessions and their tokens. */
package io.lotabots.identity;
