/**
 * The API's request metrics with the names Prometheus users expect: {@code http_requests_total} and the
 * {@code http_request_duration_seconds} histogram, labelled by method, route template and status.
 */
package io.lotabots.platform.api.metrics;
