/** Quota arithmetic: which quotas exist, their limits and the UTC day the CPU budget counts in. */
package io.lotabots.resources.control;
