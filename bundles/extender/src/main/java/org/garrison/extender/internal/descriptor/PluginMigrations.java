package org.garrison.extender.internal.descriptor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.garrison.api.error.FieldError;

/**
 * A plugin's own schema: its Liquibase formatted-SQL changelog at {@value #CHANGELOG} and the tables it creates.
 * Every table and index name must start with the plugin's {@linkplain #tablePrefix(String) table prefix}, so plugins
 * never collide with each other or with the core, and purging a plugin drops only what is its own.
 *
 * @param changelog the changelog's path in the JAR
 * @param tables    the tables its {@code CREATE TABLE} statements name, upper case, in order
 */
public record PluginMigrations(String changelog, List<String> tables) {

    /** Where a plugin's changelog lives in its JAR. */
    public static final String CHANGELOG = "GARRISON-INF/migrations/changelog.sql";

    private static final String FORMATTED_SQL = "--liquibase formatted sql";
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "\\bCREATE\\s+TABLE\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?\"?([A-Za-z_][A-Za-z0-9_$]*)\"?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "\\bCREATE\\s+(?:UNIQUE\\s+)?INDEX\\s+(?:IF\\s+NOT\\s+EXISTS\\s+)?\"?([A-Za-z_][A-Za-z0-9_$]*)\"?",
            Pattern.CASE_INSENSITIVE);

    public PluginMigrations {
        tables = List.copyOf(tables);
    }

    /** The prefix of every table and index of a plugin: its id in upper case with {@code _} for {@code -}, then {@code _}. */
    public static String tablePrefix(String pluginId) {
        return pluginId.toUpperCase(Locale.ROOT).replace('-', '_') + "_";
    }

    /**
     * Reads a changelog's text.
     *
     * @param errors where problems are added (field {@code migrations/changelog.sql})
     * @return the migrations, or {@code null} when the text has problems
     */
    static PluginMigrations read(String pluginId, String text, List<FieldError> errors) {
        String field = "migrations/changelog.sql";
        int before = errors.size();
        if (!text.stripLeading().toLowerCase(Locale.ROOT).startsWith(FORMATTED_SQL)) {
            errors.add(new FieldError(field, "must be a Liquibase formatted-SQL changelog: its first line is '"
                    + FORMATTED_SQL + "'"));
        }
        String sql = withoutComments(text);
        String prefix = tablePrefix(pluginId);
        Set<String> tables = new LinkedHashSet<>();
        for (String table : names(CREATE_TABLE, sql)) {
            if (!table.startsWith(prefix)) {
                errors.add(new FieldError(field, "creates table " + table + ", whose name does not start with "
                        + prefix));
            }
            tables.add(table);
        }
        for (String index : names(CREATE_INDEX, sql)) {
            if (!index.startsWith(prefix)) {
                errors.add(new FieldError(field, "creates index " + index + ", whose name does not start with "
                        + prefix));
            }
        }
        return errors.size() > before ? null : new PluginMigrations(CHANGELOG, new ArrayList<>(tables));
    }

    /** The tables a changelog creates, whatever their names (for purging what an older version created). */
    public static List<String> tablesOf(String text) {
        return List.copyOf(new LinkedHashSet<>(names(CREATE_TABLE, withoutComments(text))));
    }

    private static List<String> names(Pattern pattern, String sql) {
        List<String> names = new ArrayList<>();
        Matcher matcher = pattern.matcher(sql);
        while (matcher.find()) {
            names.add(matcher.group(1).toUpperCase(Locale.ROOT));
        }
        return names;
    }

    /** The SQL without {@code --} comment lines (Liquibase's own directives included). */
    private static String withoutComments(String text) {
        StringBuilder sql = new StringBuilder(text.length());
        for (String line : text.split("\\R")) {
            int comment = line.indexOf("--");
            sql.append(comment < 0 ? line : line.substring(0, comment)).append('\n');
        }
        return sql.toString();
    }
}
