/** The documents API: upload, versions, ranged downloads, metadata patches, soft delete. */
package io.lotabots.document.api;
