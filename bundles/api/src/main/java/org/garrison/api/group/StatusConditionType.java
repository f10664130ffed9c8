package org.garrison.api.group;

/**
 * The conditions that can make a device's status WARNING or CRITICAL. Thresholds are counts or days, as named.
 */
public enum StatusConditionType {
    /** Days since the device was last visible on the network. */
    NOT_SEEN_DAYS,
    /** Days since the Network Agent last synchronised (last update). */
    NOT_SYNCHRONISED_DAYS,
    /** The device waits for a restart (threshold unused). */
    RESTART_PENDING,
    /** A managed application is installed but not running (threshold unused). */
    APPLICATION_NOT_RUNNING,
    /** Real-time protection of a managed application is off (threshold unused). */
    REAL_TIME_PROTECTION_OFF,
    /** Number of threats detected at or above the threshold. */
    THREATS_DETECTED,
    /** Number of objects not disinfected at or above the threshold. */
    OBJECTS_NOT_DISINFECTED,
    /** Days since the last full scan at or above the threshold. */
    SCAN_OVERDUE_DAYS,
    /** Days until the active licence key expires at or below the threshold. */
    LICENCE_EXPIRING_DAYS,
    /** The active licence key has expired (threshold unused). */
    LICENCE_EXPIRED,
    /** No managed application is installed on the device (threshold unused). */
    NO_MANAGED_APPLICATION
}
