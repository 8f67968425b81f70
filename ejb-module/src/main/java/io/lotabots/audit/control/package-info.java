/**
 * Audit-trail logic that needs no container: the canonical form of an event, the hash chain over
 * events, its verification, and signed checkpoints.
 */
package io.lotabots.audit.control;
