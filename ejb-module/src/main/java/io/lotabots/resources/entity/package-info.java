/** Quotas, usage counters, job allocations and upload reservations (V13). */
package io.lotabots.resources.entity;
