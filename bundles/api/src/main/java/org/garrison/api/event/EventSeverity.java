package org.garrison.api.event;

import java.util.Optional;

/**
 * How serious an event is, from the most to the least severe.
 */
public enum EventSeverity {

    /** Something is broken or a threat was found; an admin must act. */
    CRITICAL("critical"),
    /** A function failed (an update, a task, a scan) without the device being at risk yet. */
    FUNCTIONAL_FAILURE("functional-failure"),
    /** Something deserves attention. */
    WARNING("warning"),
    /** For the record. */
    INFO("info");

    private final String wireName;

    EventSeverity(String wireName) {
        this.wireName = wireName;
    }

    /** The name used on the wire (REST API, CSV export, shell), e.g. {@code functional-failure}. */
    public String wireName() {
        return wireName;
    }

    /** The severity with the given wire name, if any. */
    public static Optional<EventSeverity> fromWireName(String name) {
        for (EventSeverity severity : values()) {
            if (severity.wireName.equals(name)) {
                return Optional.of(severity);
            }
        }
        return Optional.empty();
    }
}
