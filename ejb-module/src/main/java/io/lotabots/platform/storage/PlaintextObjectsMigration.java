package io.lotabots.platform.storage;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encrypts the objects stored before encryption at rest came: walks the bucket in key order and rewrites
 * each object without the encryption header, encrypted, under its key. Idempotent (encrypted objects are
 * skipped) and resumable (the last key done is kept in {@code storage_encryption_migration}); once a walk
 * reaches the end, it is marked finished and from then on no object is ever read as plaintext. Every
 * server looks each {@code lotabots.encryption.migration-interval-seconds} (60) whether it is finished (one
 * row read) and, if not, walks on; a PostgreSQL advisory lock lets one server of the cluster walk at a time.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class PlaintextObjectsMigration {

    private static final Logger LOG = Logger.getLogger(PlaintextObjectsMigration.class.getName());
    private static final int PAGE = 200;

    @Inject
    ObjectStore objects;

    @Resource(lookup = "jdbc/lotabots")
    DataSource dataSource;

    /** Two-key advisory lock: PostgreSQL keeps it apart from single-key locks. */
    private static final int LOCK_SPACE = 0x4d4947;

    @Inject
    @ConfigProperty(name = "lotabots.encryption.migration-interval-seconds", defaultValue = "60")
    long intervalSeconds;

    @Resource
    TimerService timers;

    private final ReentrantLock running = new ReentrantLock();

    @PostConstruct
    void schedule() {
        long interval = Math.max(5, intervalSeconds) * 1000;
        timers.createIntervalTimer(interval, interval, new TimerConfig("encrypt plaintext objects", false));
    }

    /** What one walk did. */
    public record Progress(long examined, long encrypted, boolean finished) {}

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void resume() {
        if (!finished()) {
            migrate();
        }
    }

    /**
     * Walks the bucket from where the last walk stopped (from the start once one finished) and encrypts
     * every plaintext object; each rewrite commits on its own, so a walk cut short loses nothing.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Progress migrate() {
        if (!running.tryLock()) {
            return new Progress(0, 0, false);
        }
        try (var lock = dataSource.getConnection()) {
            if (!clusterLock(lock, "pg_try_advisory_lock")) {
                return new Progress(0, 0, false);
            }
            try {
                return walk();
            } finally {
                clusterLock(lock, "pg_advisory_unlock");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the migration's lock", e);
        } finally {
            running.unlock();
        }
    }

    private static boolean clusterLock(java.sql.Connection c, String function) throws SQLException {
        try (var s = c.prepareStatement("select " + function + "(?, 1)")) {
            s.setInt(1, LOCK_SPACE);
            try (var r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        }
    }

    private Progress walk() {
        String after = finished() ? null : lastKey();
        long examined = 0;
        long encrypted = 0;
        while (true) {
            List<String> keys = objects.keysAfter(after, PAGE);
            if (keys.isEmpty()) {
                break;
            }
            long page = 0;
            for (String key : keys) {
                examined++;
                if (encrypt(key)) {
                    page++;
                }
            }
            encrypted += page;
            after = keys.get(keys.size() - 1);
            save(after, page, false);
        }
        save(null, 0, true);
        long done = encrypted;
        LOG.info(() -> "Encryption at rest: encrypted " + done + " object(s) stored in plaintext before");
        return new Progress(examined, encrypted, true);
    }

    private boolean encrypt(String key) {
        try {
            return objects.encryptIfPlaintext(key);
        } catch (IllegalArgumentException e) {
            // a key that names no tenant: no writer of this application made it
            LOG.warning(() -> "Object " + key + " names no tenant; left unencrypted");
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private boolean finished() {
        return query("select finished_at is not null from lotabots.storage_encryption_migration");
    }

    private String lastKey() {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("select last_key from lotabots.storage_encryption_migration");
                var r = s.executeQuery()) {
            return r.next() ? r.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the migration's progress", e);
        }
    }

    private boolean query(String sql) {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement(sql);
                var r = s.executeQuery()) {
            return r.next() && r.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the migration's progress", e);
        }
    }

    private void save(String lastKey, long encrypted, boolean finished) {
        try (var c = dataSource.getConnection();
                var s = c.prepareStatement("update lotabots.storage_encryption_migration set last_key = ?,"
                        + " encrypted = encrypted + ?, finished_at = case when ? then now() else finished_at end")) {
            s.setString(1, lastKey);
            s.setLong(2, encrypted);
            s.setBoolean(3, finished);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot save the migration's progress", e);
        }
    }
}
