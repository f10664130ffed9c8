package org.garrison.store.internal;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bundle's {@code Garrison-Schema} header, parsed: {@code <name>;changelog=<path>}.
 *
 * @param name      lower-case letters and digits, starting with a letter; it names the history tables
 * @param changelog the Liquibase changelog's path inside the bundle
 */
record SchemaDeclaration(String name, String changelog) implements MigrationPlan {

    private static final Pattern HEADER = Pattern.compile(
            "\\s*([a-z][a-z0-9]{0,29})\\s*;\\s*changelog\\s*=\\s*\"?([A-Za-z0-9_./-]+\\.(?:sql|xml|yaml|yml|json))\"?\\s*");

    /**
     * @throws IllegalArgumentException with a message for the admin when the header is malformed
     */
    static SchemaDeclaration parse(String header) {
        Matcher matcher = HEADER.matcher(header);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("Malformed Garrison-Schema header '" + header
                    + "': expected '<name>;changelog=<path>' with a name of lower-case letters and digits");
        }
        String changelog = matcher.group(2);
        if (changelog.contains("..") || changelog.startsWith("/")) {
            throw new IllegalArgumentException("The changelog path of Garrison-Schema '" + header
                    + "' must be relative to the bundle root and stay inside it");
        }
        return new SchemaDeclaration(matcher.group(1), changelog);
    }

    @Override
    public String historyTable() {
        return "GS" + name.toUpperCase(Locale.ROOT) + "LOG";
    }

    @Override
    public String lockTable() {
        return "GS" + name.toUpperCase(Locale.ROOT) + "LOCK";
    }
}
