package io.lotabots.model;

import io.lotabots.testsupport.DevServicesReport;
import io.lotabots.testsupport.TestBucket;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

/** What a tenant has stored of models, read straight from PostgreSQL and S3: rows, reservations, objects, uploads. */
public record StoredState(
        long models,
        long modelFiles,
        long reservations,
        long storedBytes,
        List<String> objects,
        List<String> unfinishedUploads) {

    public static StoredState of(UUID tenantId) {
        try (var db = new DevServicesReport().database()) {
            return new StoredState(
                    count(db, "select count(*) from lotabots.models where tenant_id = ?", tenantId),
                    count(
                            db,
                            "select count(*) from lotabots.model_files f join lotabots.models m on m.id = f.model_id"
                                    + " where m.tenant_id = ?",
                            tenantId),
                    count(db, "select count(*) from lotabots.storage_reservation where tenant_id = ?", tenantId),
                    count(
                            db,
                            "select coalesce(sum(stored_model_bytes), 0) from lotabots.resource_usage where tenant_id = ?",
                            tenantId),
                    TestBucket.keys("models/" + tenantId + "/"),
                    TestBucket.unfinishedUploads("models/" + tenantId + "/"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(java.sql.Connection db, String sql, Object... parameters) throws SQLException {
        try (var q = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                q.setObject(i + 1, parameters[i]);
            }
            try (var rs = q.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
