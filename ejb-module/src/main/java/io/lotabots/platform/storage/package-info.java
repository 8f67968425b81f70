/** S3 access through AWS SDK for Java v2: the platform's only object store. */
package io.lotabots.platform.storage;
