package org.garrison.plugins.devicecontrol.internal.reports;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The access the application applies to an external device (or would apply, when its policy only logs).
 */
public enum Access {
    BLOCKED("blocked", 0),
    /** Files can be read, not written: storage-like devices only. */
    READ_ONLY("read-only", 1),
    ALLOWED("allowed", 2);

    private final String wireName;
    private final int rank;

    Access(String wireName, int rank) {
        this.wireName = wireName;
        this.rank = rank;
    }

    /** The name in reports, the REST API and the tables, e.g. {@code read-only}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Where devices with this access come in the fleet listing: blocked first. */
    public int rank() {
        return rank;
    }

    public static Optional<Access> fromWireName(String name) {
        for (Access access : values()) {
            if (access.wireName.equals(name)) {
                return Optional.of(access);
            }
        }
        return Optional.empty();
    }
}
