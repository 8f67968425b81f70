/** The console's view of the tenant's key-encryption keys: versions, ages, re-wrap progress, rotation on demand. */
package io.lotabots.platform.encryption.console;
