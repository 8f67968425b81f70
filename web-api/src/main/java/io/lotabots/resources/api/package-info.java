/** REST: per-tenant resource quotas and usage, for tenants and the platform operator. */
package io.lotabots.resources.api;
