package io.lotabots.platform.ids;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * UUIDs of version 7 (RFC 9562, section 5.7): the Unix time in milliseconds in the first 48 bits, then
 * 74 random bits. Ids made later sort after earlier ones, so a B-tree index over them grows at its right
 * edge. With random (version 4) ids, every insert into the attestation and audit tables wrote into a
 * random leaf page of their id indexes, and after each checkpoint PostgreSQL logged a full image of
 * each such page first: most of the bytes a submission wrote to the WAL.
 * The ids are still unguessable (74 random bits); they tell when they were made, which the rows they
 * name show anyway.
 */
public final class TimeOrderedIds {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final long VERSION_7 = 0x7000L;
    private static final long VARIANT_RFC = 0x8000_0000_0000_0000L;

    private TimeOrderedIds() {}

    public static UUID next() {
        return at(System.currentTimeMillis(), RANDOM.nextLong(), RANDOM.nextLong());
    }

    /** The id for a moment and random bits; the random bits that the version and variant replace are dropped. */
    static UUID at(long unixMillis, long randomHigh, long randomLow) {
        if (unixMillis < 0 || unixMillis >>> 48 != 0) {
            throw new IllegalArgumentException("time outside 48 bits of milliseconds: " + unixMillis);
        }
        long high = (unixMillis << 16) | VERSION_7 | (randomHigh & 0x0FFFL);
        long low = VARIANT_RFC | (randomLow & 0x3FFF_FFFF_FFFF_FFFFL);
        return new UUID(high, low);
    }

    /** The moment a version-7 id was made, in Unix milliseconds. */
    public static long unixMillis(UUID id) {
        if (id.version() != 7) {
            throw new IllegalArgumentException("not a version 7 UUID: " + id);
        }
        return id.getMostSignificantBits() >>> 16;
    }
}
