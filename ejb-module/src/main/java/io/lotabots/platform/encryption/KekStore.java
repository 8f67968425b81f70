package io.lotabots.platform.encryption;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The {@code tenant_kek} rows. Creating, rotating and destroying happen in transactions of their own under
 * a per-tenant database lock, so two servers never make the same version (the key file would keep only one).
 */
@ApplicationScoped
public class KekStore {

    /** First half of the two-key advisory lock, which PostgreSQL keeps apart from single-key locks. */
    private static final int LOCK_SPACE = 0x4b454b;

    @Resource(lookup = "jdbc/lotabots")
    DataSource dataSource;

    @Inject
    KekProviders providers;

    /** A version's row. */
    public record Row(
            KekId id, String provider, byte[] material, Instant createdAt, Instant retiredAt, Instant destroyedAt) {}

    /** The tenant's current (newest live) version, made now if the tenant has none. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int currentOrFirst(UUID tenantId) {
        try (var c = dataSource.getConnection()) {
            lock(c, tenantId);
            Optional<Integer> current = current(c, tenantId);
            if (current.isPresent()) {
                return current.get();
            }
            int version = nextVersion(c, tenantId);
            insert(c, new KekId(tenantId, version));
            return version;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the KEKs of " + tenantId, e);
        }
    }

    /** Makes a new version current and retires the one before; returns the new version. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int rotate(UUID tenantId) {
        try (var c = dataSource.getConnection()) {
            lock(c, tenantId);
            int version = nextVersion(c, tenantId);
            try (var s = c.prepareStatement(
                    "update lotabots.tenant_kek set retired_at = now() where tenant_id = ? and retired_at is null")) {
                s.setObject(1, tenantId);
                s.executeUpdate();
            }
            insert(c, new KekId(tenantId, version));
            return version;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot rotate the KEK of " + tenantId, e);
        }
    }

    /**
     * Destroys retired versions that no data key uses any more and that were retired before {@code
     * retiredBefore} (servers may wrap under a version for as long as they cache it as current); returns them.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<KekId> destroyUnused(UUID tenantId, Instant retiredBefore) {
        try (var c = dataSource.getConnection()) {
            lock(c, tenantId);
            List<KekId> unused = new ArrayList<>();
            try (var s = c.prepareStatement("select k.version from lotabots.tenant_kek k where k.tenant_id = ?"
                    + " and k.retired_at < ? and k.destroyed_at is null and not exists (select 1 from lotabots.data_key d"
                    + " where d.tenant_id = k.tenant_id and d.kek_version = k.version)")) {
                s.setObject(1, tenantId);
                s.setTimestamp(2, Timestamp.from(retiredBefore));
                try (var r = s.executeQuery()) {
                    while (r.next()) {
                        unused.add(new KekId(tenantId, r.getInt(1)));
                    }
                }
            }
            for (KekId id : unused) {
                destroy(c, id);
            }
            return unused;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot destroy the KEKs of " + tenantId, e);
        }
    }

    /** Crypto-shredding: every version of the tenant destroyed, every data key row gone; returns how many keys. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int shred(UUID tenantId) {
        try (var c = dataSource.getConnection()) {
            lock(c, tenantId);
            int dataKeys;
            try (var s = c.prepareStatement("delete from lotabots.data_key where tenant_id = ?")) {
                s.setObject(1, tenantId);
                dataKeys = s.executeUpdate();
            }
            for (Row row : rows(c, tenantId)) {
                if (row.destroyedAt() == null) {
                    destroy(c, row.id());
                }
            }
            return dataKeys;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot shred the keys of " + tenantId, e);
        }
    }

    public Optional<Row> row(KekId id) {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("select provider, material, created_at, retired_at, destroyed_at"
                        + " from lotabots.tenant_kek where tenant_id = ? and version = ?")) {
            s.setObject(1, id.tenantId());
            s.setInt(2, id.version());
            try (var r = s.executeQuery()) {
                return r.next()
                        ? Optional.of(new Row(
                                id,
                                r.getString(1),
                                r.getBytes(2),
                                instant(r.getTimestamp(3)),
                                instant(r.getTimestamp(4)),
                                instant(r.getTimestamp(5))))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read KEK " + id.name(), e);
        }
    }

    /** Every tenant's every version, oldest first. */
    public List<Row> all() {
        try (var c = dataSource.getConnection()) {
            return rows(c, null);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the KEKs", e);
        }
    }

    private List<Row> rows(Connection c, UUID tenantId) throws SQLException {
        String sql =
                "select tenant_id, version, provider, material, created_at, retired_at, destroyed_at from lotabots.tenant_kek"
                        + (tenantId == null ? "" : " where tenant_id = ?") + " order by tenant_id, version";
        try (var s = c.prepareStatement(sql)) {
            if (tenantId != null) {
                s.setObject(1, tenantId);
            }
            List<Row> rows = new ArrayList<>();
            try (var r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new Row(
                            new KekId(r.getObject(1, UUID.class), r.getInt(2)),
                            r.getString(3),
                            r.getBytes(4),
                            instant(r.getTimestamp(5)),
                            instant(r.getTimestamp(6)),
                            instant(r.getTimestamp(7))));
                }
            }
            return rows;
        }
    }

    private void destroy(Connection c, KekId id) throws SQLException {
        try (var s =
                c.prepareStatement("select provider from lotabots.tenant_kek where tenant_id = ? and version = ?")) {
            s.setObject(1, id.tenantId());
            s.setInt(2, id.version());
            try (var r = s.executeQuery()) {
                if (r.next()) {
                    providers.byName(r.getString(1)).destroy(id);
                }
            }
        }
        try (var s = c.prepareStatement("update lotabots.tenant_kek set material = null, destroyed_at = now(),"
                + " retired_at = coalesce(retired_at, now()) where tenant_id = ? and version = ?")) {
            s.setObject(1, id.tenantId());
            s.setInt(2, id.version());
            s.executeUpdate();
        }
    }

    private void insert(Connection c, KekId id) throws SQLException {
        KekProvider provider = providers.current();
        byte[] material = provider.create(id);
        try (var s = c.prepareStatement(
                "insert into lotabots.tenant_kek (tenant_id, version, provider, material, created_at)"
                        + " values (?, ?, ?, ?, now())")) {
            s.setObject(1, id.tenantId());
            s.setInt(2, id.version());
            s.setString(3, provider.name());
            s.setBytes(4, material);
            s.executeUpdate();
        }
    }

    private static Optional<Integer> current(Connection c, UUID tenantId) throws SQLException {
        try (var s = c.prepareStatement("select max(version) from lotabots.tenant_kek where tenant_id = ?"
                + " and retired_at is null and destroyed_at is null")) {
            s.setObject(1, tenantId);
            try (var r = s.executeQuery()) {
                r.next();
                int v = r.getInt(1);
                return r.wasNull() ? Optional.empty() : Optional.of(v);
            }
        }
    }

    private static int nextVersion(Connection c, UUID tenantId) throws SQLException {
        try (var s = c.prepareStatement(
                "select coalesce(max(version), 0) + 1 from lotabots.tenant_kek where tenant_id = ?")) {
            s.setObject(1, tenantId);
            try (var r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private static void lock(Connection c, UUID tenantId) throws SQLException {
        try (var s = c.prepareStatement("select pg_advisory_xact_lock(?, ?)")) {
            s.setInt(1, LOCK_SPACE);
            s.setInt(2, tenantId.hashCode());
            s.execute();
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
