package io.lotabots.platform.encryption;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link KekProvider} must do, run against each implementation: a created version opens again
 * (also from a second instance, as another server would), versions and tenants get distinct 256-bit keys,
 * material of one version does not open another, and a destroyed version cannot be opened.
 */
abstract class KekProviderContract {

    /** A provider; calls with the same {@code instance} number share state as one deployment's servers do. */
    abstract KekProvider provider(int instance);

    /** What the database keeps after destroying (local: unchanged; KMS: wiped). */
    abstract byte[] materialAfterDestroy(byte[] material);

    @Test
    void aCreatedVersionOpensAgainFromAnotherServer() {
        var id = new KekId(UUID.randomUUID(), 1);
        byte[] material = provider(1).create(id);
        var key = provider(1).open(id, material);
        assertEquals(32, key.getEncoded().length);
        assertArrayEquals(key.getEncoded(), provider(2).open(id, material).getEncoded());
    }

    @Test
    void versionsAndTenantsHaveDistinctKeys() {
        UUID tenant = UUID.randomUUID();
        var first = new KekId(tenant, 1);
        var second = new KekId(tenant, 2);
        var other = new KekId(UUID.randomUUID(), 1);
        var p = provider(1);
        byte[] a = p.open(first, p.create(first)).getEncoded();
        byte[] b = p.open(second, p.create(second)).getEncoded();
        byte[] c = p.open(other, p.create(other)).getEncoded();
        assertFalse(Arrays.equals(a, b));
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void oneVersionsMaterialDoesNotOpenAnother() {
        var p = provider(1);
        var mine = new KekId(UUID.randomUUID(), 1);
        var theirs = new KekId(UUID.randomUUID(), 1);
        byte[] material = p.create(mine);
        assertThrows(KekUnavailableException.class, () -> p.open(theirs, material));
    }

    @Test
    void aDestroyedVersionCannotBeOpened() {
        var p = provider(1);
        var id = new KekId(UUID.randomUUID(), 1);
        byte[] material = p.create(id);
        var keep = new KekId(id.tenantId(), 2);
        byte[] kept = p.create(keep);
        p.destroy(id);
        assertThrows(KekUnavailableException.class, () -> provider(2).open(id, materialAfterDestroy(material)));
        assertEquals(32, provider(2).open(keep, kept).getEncoded().length, "other versions stay");
    }
}
