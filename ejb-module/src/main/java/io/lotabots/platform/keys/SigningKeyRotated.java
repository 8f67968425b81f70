package io.lotabots.platform.keys;

/**
 * A CDI event: a rotating key ring has a new current key. The owner of the ring fires it once the
 * key is in its file; the audit trail observes it, so the owner need not know the audit trail.
 *
 * @param keyId the new key
 * @param algorithm what it signs with
 * @param previousKeyId the key it replaces; null for a ring's first key
 * @param publishedKeys how many keys the ring publishes now, retired ones included
 */
public record SigningKeyRotated(String keyId, SigningAlgorithm algorithm, String previousKeyId, int publishedKeys) {}
