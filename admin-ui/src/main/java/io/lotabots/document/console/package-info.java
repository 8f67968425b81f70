/**
 * The console's view of the tenant's documents: search kept in the URL, cursor-paged list, a document's
 * metadata and versions, streamed downloads and uploads, deletion; all through the API's boundary.
 */
package io.lotabots.document.console;
