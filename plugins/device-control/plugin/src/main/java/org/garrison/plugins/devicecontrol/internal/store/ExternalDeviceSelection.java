package org.garrison.plugins.devicecontrol.internal.store;

import java.util.Set;
import java.util.UUID;

import org.garrison.plugins.devicecontrol.internal.reports.Access;

/**
 * Which external devices a listing reads from the table. (Group scopes are applied on top, by the caller: groups are
 * the core's, not this table's.)
 *
 * @param deviceId  of one managed device, or {@code null} for every device
 * @param classes   device classes, empty for any
 * @param accesses  accesses applied, empty for any
 * @param connected {@code true}: connected now; {@code false}: disconnected; {@code null}: either
 */
public record ExternalDeviceSelection(UUID deviceId, Set<String> classes, Set<Access> accesses, Boolean connected) {

    public ExternalDeviceSelection {
        classes = classes == null ? Set.of() : Set.copyOf(classes);
        accesses = accesses == null ? Set.of() : Set.copyOf(accesses);
    }

    public static ExternalDeviceSelection ofDevice(UUID deviceId) {
        return new ExternalDeviceSelection(deviceId, null, null, null);
    }
}
