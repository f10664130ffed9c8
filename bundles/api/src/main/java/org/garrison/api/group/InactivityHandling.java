package org.garrison.api.group;

/**
 * What happens to devices of a group that stop showing up.
 *
 * @param notifyAfterDays notify admins (an event of type "device-inactive") when a device has not been visible for
 *                        this many days; {@code null} for never
 * @param removeAfterDays remove the device from the group (from "Unassigned devices": delete it) when it has not
 *                        been visible for this many days; {@code null} for never
 */
public record InactivityHandling(Integer notifyAfterDays, Integer removeAfterDays) {
}
