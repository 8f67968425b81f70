/** The audit trail's REST API (events, chain verification), its request filter and published key. */
package io.lotabots.audit.api;
