/** Starts local PostgreSQL, Redis and S3 for the Liberty server when none are configured, and points it at them. */
package io.lotabots.devservices;
