/** Redis through Redisson: the client and the JCache caches built on it. */
package io.lotabots.platform.cache;
