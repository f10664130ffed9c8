package org.garrison.devices.internal;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.group.GroupDeviceSettingsService;
import org.garrison.api.group.GroupMembers;
import org.garrison.api.store.MigratedSchema;
import org.garrison.api.store.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * Devices as members of administration groups: counted per group, and sent back to "Unassigned devices" when their
 * group is deleted.
 */
@Component(service = GroupMembers.class)
public class DeviceGroupMembers implements GroupMembers {

    private final Transactions transactions;
    private final DeviceRepository devices = new DeviceRepository();
    private final InventoryRepository inventory = new InventoryRepository();
    private final Clock clock = Clock.systemUTC();

    /*
     * Optional and dynamic to break a cycle: the groups component binds this service while it is itself being
     * activated, and it is also the provider of the settings. By the time it calls release(), it is active and bound.
     */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile GroupDeviceSettingsService settings;

    private final DeviceMoves moves;

    @Activate
    public DeviceGroupMembers(@Reference Transactions transactions, @Reference DeviceEvents events,
            @Reference(target = "(" + MigratedSchema.SCHEMA_PROPERTY + "=devices)") MigratedSchema schema) {
        this.transactions = transactions;
        this.moves = new DeviceMoves(devices, events);
    }

    @Override
    public String kind() {
        return "devices";
    }

    @Override
    public Map<UUID, Long> countByGroup(Set<UUID> groupIds) {
        if (groupIds.isEmpty()) {
            return Map.of();
        }
        return transactions.inTransaction(c -> devices.countByGroup(c, groupIds));
    }

    @Override
    public void release(Set<UUID> groupIds, Actor actor) {
        if (groupIds.isEmpty()) {
            return;
        }
        GroupDeviceSettingsService current = settings;
        transactions.runInTransaction(c -> {
            List<UUID> members = devices.idsInGroups(c, groupIds);
            moves.move(c, members, AdministrationGroup.UNASSIGNED_DEVICES,
                    current == null ? null : new DeviceStatuses(current, devices, inventory, clock), clock.instant());
        });
    }
}
