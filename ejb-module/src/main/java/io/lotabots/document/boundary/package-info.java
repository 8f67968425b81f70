/** Documents customers keep with us: upload, versions, metadata, soft delete and purge. */
package io.lotabots.document.boundary;
