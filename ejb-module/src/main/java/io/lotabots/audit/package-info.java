/** The audit trail: append-only, hash-chained per tenant, with signed checkpoints (SOC 2). */
package io.lotabots.audit;
