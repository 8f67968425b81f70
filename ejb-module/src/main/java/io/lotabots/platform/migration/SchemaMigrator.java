package io.lotabots.platform.migration;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Applies the versioned SQL migrations in {@code db/migration} before anything else starts. Flyway
 * takes a PostgreSQL advisory lock, so several servers starting together migrate once.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SchemaMigrator {

    public static final String SCHEMA = "lotabots";
    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    @Resource(lookup = "jdbc/lotabotsMigrations")
    DataSource dataSource;

    @PostConstruct
    void migrate() {
        var result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .schemas(SCHEMA)
                // Liberty's class loader lists a folder only when it holds a marker file (flyway.location)
                .locations("classpath:db/migration")
                .load()
                .migrate();
        LOG.info(() -> "Schema " + SCHEMA + " at version " + result.targetSchemaVersion + " ("
                + result.migrationsExecuted + " migrations applied)");
    }
}
