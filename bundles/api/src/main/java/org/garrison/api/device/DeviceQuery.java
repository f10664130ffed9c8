package org.garrison.api.device;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * Filters and order of a device listing. {@code null} or empty filters do not filter.
 *
 * @param groupId            only devices in this group (and, with {@code subtree}, below it)
 * @param subtree            include the groups below {@code groupId}
 * @param statuses           only devices with one of these status levels
 * @param osTypes            only devices with one of these operating system families
 * @param text               case-insensitive text contained in the display name, DNS name, IPv4/IPv6 address or a
 *                           MAC address
 * @param tag                only devices with this tag (any source), case-insensitive
 * @param lastVisibleFrom    only devices last visible at or after this time
 * @param lastVisibleTo      only devices last visible before this time
 * @param application        only devices with this managed application (by id) installed
 * @param withoutApplication only devices without this managed application (by id)
 * @param softwareName       only devices with software of this name in their registry (case-insensitive)
 * @param softwareVersion    with {@code softwareName}: only in this version
 * @param sort               the order
 * @param descending         whether the order is reversed
 * @param withinGroups       only devices in one of these groups, e.g. the groups within a caller's scope
 *                           ({@code null}: no such restriction; empty: no device at all)
 */
public record DeviceQuery(UUID groupId, boolean subtree, Set<StatusLevel> statuses, Set<OsType> osTypes,
        String text, String tag, Instant lastVisibleFrom, Instant lastVisibleTo, String application,
        String withoutApplication, String softwareName, String softwareVersion, DeviceSort sort,
        boolean descending, Set<UUID> withinGroups) {

    public DeviceQuery {
        statuses = statuses == null ? Set.of() : Set.copyOf(statuses);
        osTypes = osTypes == null ? Set.of() : Set.copyOf(osTypes);
        sort = sort == null ? DeviceSort.NAME : sort;
        withinGroups = withinGroups == null ? null : Set.copyOf(withinGroups);
    }

    /** A query without a restriction to groups. */
    public DeviceQuery(UUID groupId, boolean subtree, Set<StatusLevel> statuses, Set<OsType> osTypes,
            String text, String tag, Instant lastVisibleFrom, Instant lastVisibleTo, String application,
            String withoutApplication, String softwareName, String softwareVersion, DeviceSort sort,
            boolean descending) {
        this(groupId, subtree, statuses, osTypes, text, tag, lastVisibleFrom, lastVisibleTo, application,
                withoutApplication, softwareName, softwareVersion, sort, descending, null);
    }

    /** This query restricted to devices in the given groups ({@code null}: not restricted). */
    public DeviceQuery within(Set<UUID> groups) {
        return new DeviceQuery(groupId, subtree, statuses, osTypes, text, tag, lastVisibleFrom, lastVisibleTo,
                application, withoutApplication, softwareName, softwareVersion, sort, descending, groups);
    }

    /** Every device, by name. */
    public static DeviceQuery all() {
        return new DeviceQuery(null, true, Set.of(), Set.of(), null, null, null, null, null, null, null, null,
                DeviceSort.NAME, false);
    }
}
