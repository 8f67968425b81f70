/** The console's view of the tenant's stored models: list, detail with per-file digests, streamed upload, deletion. */
package io.lotabots.model.console;
