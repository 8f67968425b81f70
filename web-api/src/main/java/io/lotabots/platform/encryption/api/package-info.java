/** The tenant's encryption keys over REST: ages, re-wrap progress, rotation on demand. */
package io.lotabots.platform.encryption.api;
