/** The audit trail's tables: append-only events and the signed checkpoints of each tenant's chain. */
package io.lotabots.audit.entity;
