/**
 * The audit trail's facade: {@link io.lotabots.audit.boundary.AuditTrail} records events in the
 * caller's transaction, the sealer chains and checkpoints them, and auditors list and verify them.
 */
package io.lotabots.audit.boundary;
