package org.garrison.store.internal;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A plugin's own schema: named after the plugin id, with history and lock tables {@code GP<ID>LOG} and
 * {@code GP<ID>LOCK} (the id in upper case without its dashes; Liquibase on Derby mishandles underscores there).
 *
 * @param name      the plugin id
 * @param changelog the changelog's path in the plugin bundle
 */
record PluginSchema(String name, String changelog) implements MigrationPlan {

    /** Where a plugin's changelog lives in its JAR, as the plugin SDK documents it. */
    static final String CHANGELOG = "GARRISON-INF/migrations/changelog.sql";

    private static final Pattern PLUGIN_ID = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    private static final int MAX_ID_LENGTH = 40;

    /**
     * @throws IllegalArgumentException for a malformed plugin id or changelog path
     */
    PluginSchema {
        if (name == null || name.length() > MAX_ID_LENGTH || !PLUGIN_ID.matcher(name).matches()) {
            throw new IllegalArgumentException("Malformed plugin id '" + name + "'");
        }
        if (changelog == null || changelog.contains("..") || changelog.startsWith("/")) {
            throw new IllegalArgumentException("The changelog path '" + changelog
                    + "' must be relative to the bundle root and stay inside it");
        }
    }

    @Override
    public String historyTable() {
        return "GP" + compactName() + "LOG";
    }

    @Override
    public String lockTable() {
        return "GP" + compactName() + "LOCK";
    }

    private String compactName() {
        return name.replace("-", "").toUpperCase(Locale.ROOT);
    }
}
