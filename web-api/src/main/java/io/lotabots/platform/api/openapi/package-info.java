/**
 * The OpenAPI document as a contract for client generators: security schemes and requirements,
 * stable operation ids, problem+json error responses and the shapes the resources build by hand.
 * Document-level, so the resources keep only their own annotations.
 */
package io.lotabots.platform.api.openapi;
