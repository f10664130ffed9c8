package org.garrison.store.internal;

/**
 * How the store finds the server's {@code DataSource} service. pax-jdbc-config creates it from
 * {@code etc/org.ops4j.datasource-garrison.cfg}; the filter can be overridden per component through Config Admin
 * ({@code dataSource.target}).
 */
final class StoreDataSource {

    static final String TARGET = "(osgi.jndi.service.name=garrison)";

    private StoreDataSource() {
    }
}
