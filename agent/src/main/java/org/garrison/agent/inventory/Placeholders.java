package org.garrison.agent.inventory;

import java.util.Locale;
import java.util.Set;

/**
 * Firmware and OSHI fill fields they do not know with placeholder texts ("unknown", "To be filled by O.E.M.", an
 * all-zero UUID); reporting those would make unrelated machines look alike, so they count as unknown.
 */
final class Placeholders {

    private static final Set<String> TEXTS = Set.of("unknown", "none", "n/a", "na", "null", "not specified",
            "not applicable", "not available", "default string", "to be filled by o.e.m.", "to be filled by oem",
            "o.e.m.", "oem", "system serial number", "system product name", "system manufacturer",
            "system version", "base board serial number", "chassis serial number", "0", "0123456789",
            "00000000-0000-0000-0000-000000000000", "ffffffff-ffff-ffff-ffff-ffffffffffff",
            "03000200-0400-0500-0006-000700080009");

    private Placeholders() {
    }

    /** The trimmed text, or {@code null} if it is blank or a placeholder. */
    static String orNull(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.isEmpty() || TEXTS.contains(trimmed.toLowerCase(Locale.ROOT)) ? null : trimmed;
    }
}
