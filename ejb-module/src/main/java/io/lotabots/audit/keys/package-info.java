/** The audit checkpoint signing key, kept in the deployment's encrypted key store. */
package io.lotabots.audit.keys;
