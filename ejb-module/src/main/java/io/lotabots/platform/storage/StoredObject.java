package io.lotabots.platform.storage;

/** What S3 kept: the key, its size and the ETag it answered. */
public record StoredObject(String key, long size, String etag) {}
