package org.garrison.store.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Drops a plugin's tables. Table names cannot be statement parameters, so every name is checked against a strict
 * identifier pattern and looked up in the database's catalogue before it is put into a statement.
 */
final class PluginTablesRepository {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Z][A-Z0-9_]{0,127}");

    private PluginTablesRepository() {
    }

    /**
     * Drops the foreign keys of the tables, then the tables, in the caller's transaction.
     *
     * @return the tables that existed and were dropped
     * @throws IllegalArgumentException for a name that is not a plain SQL identifier
     */
    static List<String> drop(Connection connection, Collection<String> tables) throws SQLException {
        DatabaseMetaData metaData = connection.getMetaData();
        Map<String, String> existing = new LinkedHashMap<>();
        for (String table : tables) {
            String name = table.toUpperCase(Locale.ROOT);
            if (!IDENTIFIER.matcher(name).matches()) {
                throw new IllegalArgumentException("Not a plain table name: " + table);
            }
            String stored = storedName(metaData, name);
            if (tableExists(metaData, stored)) {
                existing.put(name, stored);
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String stored : existing.values()) {
                for (String foreignKey : foreignKeys(metaData, stored)) {
                    statement.execute("ALTER TABLE " + quoted(stored) + " DROP CONSTRAINT " + quoted(foreignKey));
                }
            }
            for (String stored : existing.values()) {
                statement.execute("DROP TABLE " + quoted(stored));
            }
        }
        return new ArrayList<>(existing.keySet());
    }

    /** How the database stores an unquoted name: upper case on Derby, lower case on PostgreSQL. */
    private static String storedName(DatabaseMetaData metaData, String name) throws SQLException {
        return metaData.storesLowerCaseIdentifiers() ? name.toLowerCase(Locale.ROOT) : name;
    }

    private static boolean tableExists(DatabaseMetaData metaData, String stored) throws SQLException {
        try (ResultSet tables = metaData.getTables(null, schemaOf(metaData), stored, new String[] {"TABLE"})) {
            while (tables.next()) {
                if (stored.equals(tables.getString("TABLE_NAME"))) {
                    return true;
                }
            }
            return false;
        }
    }

    private static Set<String> foreignKeys(DatabaseMetaData metaData, String stored) throws SQLException {
        Set<String> keys = new LinkedHashSet<>();
        try (ResultSet imported = metaData.getImportedKeys(null, schemaOf(metaData), stored)) {
            while (imported.next()) {
                String name = imported.getString("FK_NAME");
                if (name != null && stored.equals(imported.getString("FKTABLE_NAME"))) {
                    keys.add(name);
                }
            }
        }
        return keys;
    }

    /** The current schema, so a table of the same name in another schema is never touched. */
    private static String schemaOf(DatabaseMetaData metaData) throws SQLException {
        return metaData.getConnection().getSchema();
    }

    /** A name from the catalogue, quoted as stored (catalogue names are identifiers, never caller input). */
    private static String quoted(String stored) {
        return '"' + stored.replace("\"", "\"\"") + '"';
    }
}
