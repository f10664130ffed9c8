package org.garrison.devices.internal;

import java.time.Clock;
import java.util.List;

import org.garrison.api.Actor;
import org.garrison.api.audit.ObjectRef;
import org.garrison.api.audit.ObjectRestorer;
import org.garrison.api.device.Device;
import org.garrison.api.device.DeviceService;
import org.garrison.api.device.DeviceTag;
import org.garrison.api.error.ConflictException;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.group.GroupService;
import org.garrison.api.store.MigratedSchema;
import org.garrison.api.store.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Restores a device's admin fields from a revision, and deleted devices from the deleted-objects registry (a
 * restored device goes back to its group if that still exists, else to "Unassigned devices"; its inventory comes
 * back with the next report of its Network Agent).
 */
@Component(service = ObjectRestorer.class)
public class DeviceRestorer implements ObjectRestorer {

    private final Transactions transactions;
    private final GroupService groups;
    private final DeviceRepository devices = new DeviceRepository();
    private final Clock clock = Clock.systemUTC();

    @Activate
    public DeviceRestorer(@Reference Transactions transactions, @Reference GroupService groups,
            @Reference(target = "(" + MigratedSchema.SCHEMA_PROPERTY + "=devices)") MigratedSchema schema) {
        this.transactions = transactions;
        this.groups = groups;
    }

    @Override
    public String objectType() {
        return DeviceService.OBJECT_TYPE;
    }

    @Override
    public String restoreRevision(ObjectRef object, String snapshot, Actor actor) {
        DeviceJson.AdminFields fields = DeviceJson.adminFields(snapshot);
        return transactions.inTransaction(c -> {
            StoredDevice stored = devices.find(c, object.id()).orElseThrow(
                    () -> new ConflictException("Device " + object.id() + " no longer exists; restore it from the "
                            + "deleted objects first"));
            Device d = stored.device();
            devices.update(c, new StoredDevice(new Device(d.id(), d.groupId(), fields.displayName(),
                    fields.description(), d.identity(), d.network(), d.os(), d.virtualisation(), d.activity(),
                    d.status(), d.tags(), d.createdAt(), clock.instant()), true));
            devices.replaceTags(c, d.id(), DeviceTag.ADMIN, fields.tags());
            return DeviceJson.write(DeviceJson.AdminFields.of(devices.find(c, d.id()).orElseThrow().device()));
        });
    }

    @Override
    public String restoreDeleted(ObjectRef object, String snapshot, Actor actor) {
        Device d = DeviceJson.device(snapshot);
        java.util.UUID groupId = d.groupId();
        try {
            groups.get(groupId);
        } catch (NotFoundException e) {
            groupId = AdministrationGroup.UNASSIGNED_DEVICES;
        }
        Device restored = new Device(object.id(), groupId, d.displayName(), d.description(), d.identity(),
                d.network(), d.os(), d.virtualisation(), d.activity(), d.status(),
                d.tags().stream().filter(t -> DeviceTag.ADMIN.equals(t.source())).toList(), d.createdAt(),
                clock.instant());
        return transactions.inTransaction(c -> {
            if (!devices.existing(c, List.of(object.id())).isEmpty()) {
                throw new ConflictException("Device " + object.id() + " exists already");
            }
            devices.insert(c, new StoredDevice(restored, true));
            return DeviceJson.write(DeviceJson.AdminFields.of(restored));
        });
    }
}
