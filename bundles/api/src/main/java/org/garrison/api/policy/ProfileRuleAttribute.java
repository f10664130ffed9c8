package org.garrison.api.policy;

/**
 * What a {@link ProfileRule} looks at, and how it compares. Text comparisons ignore case.
 */
public enum ProfileRuleAttribute {
    /** The device has at least one of the tags in the values (set by an admin or an application). */
    TAG,
    /**
     * Where the device is: the single value {@code INSIDE} or {@code OUTSIDE} the organisation's network. A device
     * is outside when its reported network location is one of the names the server is configured to treat as
     * outside (see the admin guide).
     */
    NETWORK,
    /**
     * Whether the device is offline: the single value {@code true} or {@code false}. A device is offline when the
     * server has not seen it for longer than its configured offline time, or has never seen it.
     */
    OFFLINE,
    /**
     * Who uses the device: one of the device's user accounts is named like one of the values, either by its name
     * alone ({@code jdoe}) or with its domain ({@code CORP\jdoe}).
     */
    OWNER,
    /** The device's hardware: the vendor or the model of one of its hardware components contains one of the values. */
    HARDWARE,
    /** The family of the device's operating system is one of the values ({@code WINDOWS}, {@code LINUX}...). */
    OS_TYPE,
    /** The name of the device's operating system contains one of the values, e.g. {@code Windows 11}. */
    OS_NAME,
    /** The device's administration group is one of the groups whose ids are the values, or lies below one. */
    GROUP
}
