/**
 * What every log line of a request carries besides its message: the request id and the tenant, as
 * fields of Liberty's JSON log records ({@code ext_requestId}, {@code ext_tenant}).
 */
package io.lotabots.platform.logging;
