package org.garrison.store.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.garrison.api.store.DatabaseInfo;
import org.garrison.api.store.DatabaseKind;
import org.garrison.api.store.DatabaseStatus;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

@Component(service = DatabaseInfo.class)
public class DatabaseInfoService implements DatabaseInfo {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseInfoService.class);
    private static final int VALIDITY_TIMEOUT_SECONDS = 3;

    private final DataSource dataSource;

    @Activate
    public DatabaseInfoService(@Reference(name = "dataSource", target = StoreDataSource.TARGET) DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public DatabaseStatus status() {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String product = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
            return new DatabaseStatus(DatabaseKind.fromProductName(meta.getDatabaseProductName()), product,
                    connection.isValid(VALIDITY_TIMEOUT_SECONDS));
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Database check failed: {}", e.getMessage());
            return new DatabaseStatus(null, null, false);
        }
    }
}
