package org.garrison.api.group;

/**
 * How far a group deletion may go.
 */
public enum GroupDeletion {
    /** Only a group without subgroups and without members (the default). */
    EMPTY_ONLY,
    /** The group and its subgroups, provided none of them has members. */
    WITH_SUBGROUPS,
    /** The group, its subgroups and their members: devices go back to "Unassigned devices". */
    WITH_MEMBERS
}
