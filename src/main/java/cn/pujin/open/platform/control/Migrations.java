package cn.pujin.open.platform.control;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date before anything touches JPA. The database comes from configuration
 * ({@code DB_URL}, {@code DB_USER}, {@code DB_PASSWORD}); the default is the embedded H2 file under
 * {@code data/} so that the run command needs no setup.
 */
@DataSourceDefinition(
        name = Migrations.DATASOURCE,
        className = "cn.pujin.open.platform.control.ConfiguredDataSource",
        url = "${MPCONFIG=DB_URL}",
        user = "${MPCONFIG=DB_USER}",
        password = "${MPCONFIG=DB_PASSWORD}",
        minPoolSize = 2,
        maxPoolSize = 32,
        // statements are prepared once per pooled connection, not on every query (the type needs a value,
        // payara/Payara#6647: the default LRU cache is chosen for a blank one)
        properties = {"fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=meta-data",
                "fish.payara.statement-cache-size=256",
                "fish.payara.statement-cache-type= "})
// EclipseLink fetches the next block of ids while holding its global sequencing lock. From the main pool,
// under a burst, that connection never comes: every connection belongs to a request waiting for the lock.
// Sequencing gets its own small, non-transactional pool (persistence.xml).
@DataSourceDefinition(
        name = Migrations.SEQUENCE_DATASOURCE,
        className = "cn.pujin.open.platform.control.ConfiguredDataSource",
        url = "${MPCONFIG=DB_URL}",
        user = "${MPCONFIG=DB_USER}",
        password = "${MPCONFIG=DB_PASSWORD}",
        transactional = false,
        minPoolSize = 1,
        maxPoolSize = 4)
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class Migrations {

    public static final String DATASOURCE = "java:app/jdbc/pujin";
    public static final String SEQUENCE_DATASOURCE = "java:app/jdbc/pujin-sequences";
    private static final Logger LOG = Logger.getLogger(Migrations.class.getName());

    @Resource(lookup = DATASOURCE)
    DataSource dataSource;

    private String database;

    @PostConstruct
    void migrate() {
        database = describe();
        MigrateResult result = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/{vendor}")
                .failOnMissingLocations(false)
                .load()
                .migrate();
        LOG.info(() -> String.format(Messages.get(Messages.CHINESE, "app.name") + " database: %s; %d migration(s) applied now, schema version %s",
                database, result.migrationsExecuted, result.targetSchemaVersion == null
                        ? result.initialSchemaVersion : result.targetSchemaVersion));
    }

    /** Product, version and URL without credentials, for the start-up log and the configuration page. */
    public String database() {
        return database;
    }

    private String describe() {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            String url = meta.getURL() == null ? "" : meta.getURL().replaceAll("(?i)(password=)[^;&]*", "$1***");
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + " (" + url + ")";
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
        }
    }
}
