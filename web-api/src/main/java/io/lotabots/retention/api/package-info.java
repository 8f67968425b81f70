/** Retention and legal hold under {@code /api/v1/privacy}: the periods in force, placing and releasing holds. */
package io.lotabots.retention.api;
