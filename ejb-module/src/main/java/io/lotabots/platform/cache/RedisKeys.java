package io.lotabots.platform.cache;

/**
 * Builds Redis keys from parts separated by colons. A colon or percent sign inside a part (a tenant
 * name, an IPv6 address) is percent-encoded, so two different part lists never make the same key.
 */
final class RedisKeys {

    private RedisKeys() {}

    static String join(String namespace, String... parts) {
        var key = new StringBuilder(escape(namespace));
        for (String part : parts) {
            key.append(':').append(escape(part));
        }
        return key.toString();
    }

    private static String escape(String part) {
        if (part == null || part.isEmpty()) {
            throw new IllegalArgumentException("a Redis key part must not be empty");
        }
        return part.replace("%", "%25").replace(":", "%3A");
    }
}
