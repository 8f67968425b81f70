package io.lotabots.platform.encryption;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

/**
 * Data keys: one per stored object version, its wrapped form in {@code data_key} (inside the writer's
 * transaction when there is one), its plain form in a bounded cache, so reading a recent object costs no
 * database round trip and no KEK provider call; {@link KeyEvictions} empties the cache on every server
 * when a tenant is shredded. Wrapping is AES-256-GCM under the tenant's KEK, bound to
 * the key's id, tenant and KEK version.
 */
@ApplicationScoped
public class DataKeys {

    private static final int NONCE = 12;

    @Resource(lookup = "jdbc/lotabots")
    DataSource dataSource;

    @Inject
    Keks keks;

    @Inject
    EncryptionSettings settings;

    private final SecureRandom random = new SecureRandom();
    private volatile DataKeyCache cache;

    /** A fresh key for a new version of {@code objectKey}, already stored wrapped. */
    public NewDataKey create(String objectKey) {
        UUID tenantId = ObjectKeys.tenant(objectKey);
        var kek = keks.current(tenantId);
        UUID id = UUID.randomUUID();
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        byte[] wrapped = wrap(kek.key(), kek.id(), id, raw);
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement(
                        "insert into lotabots.data_key (id, tenant_id, object_key, kek_version, wrapped, created_at)"
                                + " values (?, ?, ?, ?, ?, now())")) {
            s.setObject(1, id);
            s.setObject(2, tenantId);
            s.setString(3, objectKey);
            s.setInt(4, kek.id().version());
            s.setBytes(5, wrapped);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store the data key of " + objectKey, e);
        }
        var key = new SecretKeySpec(raw, "AES");
        cache().put(id, new DataKeyCache.Entry(tenantId, objectKey, key));
        return new NewDataKey(id, key);
    }

    /** The key that sealed {@code objectKey} under {@code id}; an unknown or foreign key is tampering. */
    public SecretKey open(UUID id, String objectKey) {
        var cached = cache().get(id);
        if (cached != null && cached.objectKey().equals(objectKey)) {
            return cached.key();
        }
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement(
                        "select tenant_id, object_key, kek_version, wrapped from lotabots.data_key where id = ?")) {
            s.setObject(1, id);
            try (var r = s.executeQuery()) {
                if (!r.next()) {
                    throw new TamperedObjectException(objectKey, "its data key is unknown or was shredded");
                }
                if (!r.getString(2).equals(objectKey)) {
                    throw new TamperedObjectException(objectKey, "its data key belongs to another object");
                }
                var kekId = new KekId(r.getObject(1, UUID.class), r.getInt(3));
                SecretKey key;
                try {
                    key = new SecretKeySpec(unwrap(keks.open(kekId), kekId, id, r.getBytes(4)), "AES");
                } catch (KekUnavailableException e) {
                    throw new TamperedObjectException(objectKey, "its tenant's key is gone", e);
                }
                cache().put(id, new DataKeyCache.Entry(kekId.tenantId(), objectKey, key));
                return key;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the data key of " + objectKey, e);
        }
    }

    /**
     * Whether {@code objectKey} must be encrypted: a data key was made for it, or the migration finished
     * (from then on no object is plaintext). Asked only when an object without the header is read.
     */
    public boolean knownEncrypted(String objectKey) {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement(
                        "select exists (select 1 from lotabots.data_key where object_key = ?)"
                                + " or exists (select 1 from lotabots.storage_encryption_migration where finished_at is not null)")) {
            s.setString(1, objectKey);
            try (var r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up the data key of " + objectKey, e);
        }
    }

    /** Whether a data key was ever made for {@code objectKey} (and not removed with it). */
    public boolean knownObject(String objectKey) {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("select exists (select 1 from lotabots.data_key where object_key = ?)")) {
            s.setString(1, objectKey);
            try (var r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot look up the data key of " + objectKey, e);
        }
    }

    /** Drops the rows of objects under {@code prefix} (their objects were deleted). */
    public int forgetPrefix(String prefix) {
        String like = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return update("delete from lotabots.data_key where object_key like ?", like);
    }

    public int forget(String objectKey) {
        return update("delete from lotabots.data_key where object_key = ?", objectKey);
    }

    /**
     * Re-wraps up to a batch of the tenant's data keys that are not under its current KEK; returns how many.
     * Rows another server is re-wrapping are skipped; content in S3 is not touched.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int rewrap(UUID tenantId) {
        var current = keks.current(tenantId);
        try (var c = dataSource.getConnection()) {
            record Old(UUID id, int version, byte[] wrapped) {}
            List<Old> batch = new ArrayList<>();
            try (var s = c.prepareStatement("select id, kek_version, wrapped from lotabots.data_key where tenant_id = ?"
                    + " and kek_version <> ? limit ? for update skip locked")) {
                s.setObject(1, tenantId);
                s.setInt(2, current.id().version());
                s.setInt(3, settings.rewrapBatch());
                try (var r = s.executeQuery()) {
                    while (r.next()) {
                        batch.add(new Old(r.getObject(1, UUID.class), r.getInt(2), r.getBytes(3)));
                    }
                }
            }
            try (var s = c.prepareStatement("update lotabots.data_key set kek_version = ?, wrapped = ? where id = ?")) {
                for (Old old : batch) {
                    var oldKek = new KekId(tenantId, old.version());
                    byte[] raw = unwrap(keks.open(oldKek), oldKek, old.id(), old.wrapped());
                    s.setInt(1, current.id().version());
                    s.setBytes(2, wrap(current.key(), current.id(), old.id(), raw));
                    s.setObject(3, old.id());
                    s.addBatch();
                }
                s.executeBatch();
            }
            // the next read here unwraps under the new version: this server proves the re-wrap
            batch.forEach(old -> cache().remove(old.id()));
            return batch.size();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot re-wrap the data keys of " + tenantId, e);
        }
    }

    /** Data keys per KEK version of every tenant: {tenant, version, count}. */
    public List<Object[]> countsByKek() {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement(
                        "select tenant_id, kek_version, count(*) from lotabots.data_key group by tenant_id, kek_version");
                var r = s.executeQuery()) {
            List<Object[]> counts = new ArrayList<>();
            while (r.next()) {
                counts.add(new Object[] {r.getObject(1, UUID.class), r.getInt(2), r.getLong(3)});
            }
            return counts;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count data keys", e);
        }
    }

    /** Forgets the tenant's cached keys on this server (after crypto-shredding). */
    void forgetTenant(UUID tenantId) {
        cache().removeTenant(tenantId);
        keks.forget(tenantId);
    }

    /** Forgets every cached data key on this server (it may have missed an eviction message). */
    void forgetAll() {
        cache().clear();
    }

    private int update(String sql, String parameter) {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot remove data keys", e);
        }
    }

    private DataKeyCache cache() {
        var c = cache;
        if (c == null) {
            synchronized (this) {
                if (cache == null) {
                    cache = new DataKeyCache(settings.dataKeyCache(), settings.dataKeyCacheLifetime());
                }
                c = cache;
            }
        }
        return c;
    }

    byte[] wrap(SecretKey kek, KekId kekId, UUID dataKeyId, byte[] raw) {
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, kek, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(binding(kekId, dataKeyId));
            byte[] sealed = cipher.doFinal(raw);
            return ByteBuffer.allocate(NONCE + sealed.length)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot wrap a data key", e);
        }
    }

    static byte[] unwrap(SecretKey kek, KekId kekId, UUID dataKeyId, byte[] wrapped) {
        try {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, kek, new GCMParameterSpec(128, wrapped, 0, NONCE));
            cipher.updateAAD(binding(kekId, dataKeyId));
            return cipher.doFinal(wrapped, NONCE, wrapped.length - NONCE);
        } catch (AEADBadTagException e) {
            throw new KekUnavailableException(kekId, "the wrapped data key " + dataKeyId + " does not open under it");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot unwrap a data key", e);
        }
    }

    private static byte[] binding(KekId kekId, UUID dataKeyId) {
        return ByteBuffer.allocate(36)
                .putLong(dataKeyId.getMostSignificantBits())
                .putLong(dataKeyId.getLeastSignificantBits())
                .putLong(kekId.tenantId().getMostSignificantBits())
                .putLong(kekId.tenantId().getLeastSignificantBits())
                .putInt(kekId.version())
                .array();
    }

    /** A new object version's data key. */
    public record NewDataKey(UUID id, SecretKey key) {}
}
