/** The console's view of the tenant's resource quotas: usage against each limit, changed by administrators. */
package io.lotabots.resources.console;
