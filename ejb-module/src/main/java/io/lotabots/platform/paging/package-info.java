/**
 * Keyset paging for every list: a {@link io.lotabots.platform.paging.Page} of items and the one cursor
 * codec ({@link io.lotabots.platform.paging.PageCursor}) that names where the next page starts.
 */
package io.lotabots.platform.paging;
