package org.garrison.testkit;

import java.util.ArrayList;
import java.util.List;

/**
 * The package names of an OSGi {@code Import-Package} header, without their attributes and directives (quoted
 * version ranges contain commas, so the header is split outside quotes only).
 */
final class ImportedPackages {

    private ImportedPackages() {
    }

    static List<String> of(String header) {
        List<String> names = new ArrayList<>();
        if (header == null || header.isBlank()) {
            return names;
        }
        boolean quoted = false;
        StringBuilder clause = new StringBuilder();
        for (char c : (header + ",").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                for (String name : clause.toString().split(";")) {
                    // a clause may list several packages before its attributes: a;b;version="[1,2)"
                    if (name.contains("=")) {
                        break;
                    }
                    if (!name.isBlank()) {
                        names.add(name.strip());
                    }
                }
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        return names;
    }
}
