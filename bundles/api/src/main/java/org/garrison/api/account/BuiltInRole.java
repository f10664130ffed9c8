package org.garrison.api.account;

import java.util.UUID;

/**
 * The roles every server has.
 */
public enum BuiltInRole {
    /** Every permission, including plugins' own ones and those added in later versions. */
    MAIN_ADMINISTRATOR("00000000-0000-0000-0000-00000000a001", "Main administrator"),
    /** Everything in the group-scoped areas plus reading the rest; no accounts, plugins or server settings. */
    ADMINISTRATOR("00000000-0000-0000-0000-00000000a002", "Administrator"),
    /** Reads everything in scope and runs tasks; changes nothing else. */
    OPERATOR("00000000-0000-0000-0000-00000000a003", "Operator"),
    /** Reads everything in scope, including the audit log; changes nothing. */
    AUDITOR("00000000-0000-0000-0000-00000000a004", "Auditor");

    private final UUID id;
    private final String displayName;

    BuiltInRole(String id, String displayName) {
        this.id = UUID.fromString(id);
        this.displayName = displayName;
    }

    public UUID id() {
        return id;
    }

    public String displayName() {
        return displayName;
    }
}
