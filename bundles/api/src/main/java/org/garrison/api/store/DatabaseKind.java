package org.garrison.api.store;

/**
 * The database products Garrison runs on.
 */
public enum DatabaseKind {
    /** Embedded Apache Derby in the server's data folder: the zero set-up default. */
    DERBY("derby"),
    /** PostgreSQL: for large installations and for several server nodes sharing one database. */
    POSTGRESQL("postgresql");

    private final String wireName;

    DatabaseKind(String wireName) {
        this.wireName = wireName;
    }

    /** The lower-case name used in configuration and on the wire. */
    public String wireName() {
        return wireName;
    }

    /**
     * The kind matching a JDBC product name as reported by {@link java.sql.DatabaseMetaData#getDatabaseProductName()}.
     *
     * @throws IllegalArgumentException for a product Garrison does not support
     */
    public static DatabaseKind fromProductName(String productName) {
        String name = productName.toLowerCase(java.util.Locale.ROOT);
        if (name.contains("derby")) {
            return DERBY;
        }
        if (name.contains("postgres")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("Unsupported database product: " + productName);
    }
}
