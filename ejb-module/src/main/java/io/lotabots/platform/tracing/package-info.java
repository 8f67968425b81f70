/**
 * Tracing with MicroProfile Telemetry (OpenTelemetry): spans for EJB calls, the attestation queue's
 * messages (the W3C trace context travels in their properties), S3 calls and the SQL EclipseLink sends,
 * each a child of the request or message being served; business attributes, never secrets.
 * Configuration and sampling: docs/operations.md, section Tracing.
 */
package io.lotabots.platform.tracing;
