package org.garrison.plugins.endpointprotection.internal.reports;

import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where an object the application found stands now.
 */
public enum ThreatStatus {
    /** Found, nothing done (yet), e.g. only reported or access blocked. */
    DETECTED("detected"),
    DISINFECTED("disinfected"),
    QUARANTINED("quarantined"),
    DELETED("deleted"),
    /** The application tried and failed to disinfect it: the device is still infected. */
    NOT_DISINFECTED("not-disinfected");

    private final String wireName;

    ThreatStatus(String wireName) {
        this.wireName = wireName;
    }

    /** The name in reports, the REST API and the tables, e.g. {@code not-disinfected}. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    public static Optional<ThreatStatus> fromWireName(String name) {
        for (ThreatStatus status : values()) {
            if (status.wireName.equals(name)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
