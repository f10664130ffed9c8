package org.garrison.api.device;

/**
 * What removing a device did.
 */
public enum DeviceRemoval {
    /** It was in a managed group and went back to "Unassigned devices". */
    MOVED_TO_UNASSIGNED,
    /** It was in "Unassigned devices" and was deleted (it can be restored from the deleted-objects registry). */
    DELETED
}
