package org.garrison.extender.internal.signature;

import java.util.Locale;

/** How the server treats plugin signatures (the {@code signatures} setting of {@code org.garrison.plugins}). */
public enum SignatureMode {
    /** Signatures are not checked. */
    OFF,
    /** Each plugin's signature is checked and shown; nothing is refused for it. */
    REPORT,
    /** A plugin that is not signed by a trusted signer is refused: not installed when uploaded, not started. */
    REQUIRE;

    /** The mode a setting names, case-insensitively. */
    public static SignatureMode of(String setting) {
        try {
            return valueOf(setting.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("signatures must be off, report or require, not '" + setting + "'");
        }
    }
}
