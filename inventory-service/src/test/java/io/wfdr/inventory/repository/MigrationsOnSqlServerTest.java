package io.wfdr.inventory.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mssqlserver.MSSQLServerContainer;

/**
 * The state of the inventory on SQL Server instead of H2: the spine's and the inventory's Flyway migrations run on a
 * real SQL Server 2019. Skipped, and reported as skipped, where no Docker engine exists.
 */
@Testcontainers(disabledWithoutDocker = true)
class MigrationsOnSqlServerTest {

    @Container
    static final MSSQLServerContainer SQL_SERVER = new MSSQLServerContainer(
            "mcr.microsoft.com/mssql/server:2019-latest").acceptLicense();

    @Test
    void everyMigrationRunsOnSqlServer2019() throws Exception {
        try (Connection master = DriverManager.getConnection(SQL_SERVER.getJdbcUrl(), SQL_SERVER.getUsername(),
                SQL_SERVER.getPassword()); Statement statement = master.createStatement()) {
            statement.execute("CREATE DATABASE wfdr_inventory");
        }
        String url = SQL_SERVER.getJdbcUrl() + ";databaseName=wfdr_inventory";
        MigrateResult result = Flyway.configure()
                .dataSource(url, SQL_SERVER.getUsername(), SQL_SERVER.getPassword())
                .locations("classpath:db/spine", "classpath:db/migration")
                .outOfOrder(true)
                .load()
                .migrate();
        assertTrue(result.success);
        try (Connection db = DriverManager.getConnection(url, SQL_SERVER.getUsername(), SQL_SERVER.getPassword());
                Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM supported_platform")) {
            rows.next();
            assertEquals(6, rows.getInt(1), "the guide's software tables are seeded");
        }
    }
}
