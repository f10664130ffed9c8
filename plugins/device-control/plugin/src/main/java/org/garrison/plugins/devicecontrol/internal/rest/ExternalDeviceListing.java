package org.garrison.plugins.devicecontrol.internal.rest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.Cursor;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.device.DeviceService;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.store.Transactions;
import org.garrison.plugins.devicecontrol.internal.store.ExternalDevicePosition;
import org.garrison.plugins.devicecontrol.internal.store.ExternalDeviceRepository;
import org.garrison.plugins.devicecontrol.internal.store.ExternalDeviceSelection;
import org.garrison.plugins.devicecontrol.internal.store.StoredExternalDevice;

/**
 * The external devices seen across the fleet, blocked first, restricted to groups, with the managed devices' names.
 */
final class ExternalDeviceListing {

    private final GroupScopedListing<StoredExternalDevice, ExternalDevicePosition> listing;
    private final DeviceService devices;
    private final ExternalDeviceRepository repository = new ExternalDeviceRepository();

    ExternalDeviceListing(Transactions transactions, DeviceService devices) {
        this.listing = new GroupScopedListing<>(transactions, devices);
        this.devices = devices;
    }

    /**
     * @param groups the groups whose devices' external devices may be shown, or {@code null} for every device
     */
    Page<ExternalDeviceView> list(ExternalDeviceSelection selection, Set<UUID> groups, PageRequest request) {
        ExternalDevicePosition after = request.cursor() == null ? null
                : ExternalDevicePosition.of(request.cursor());
        Page<StoredExternalDevice> page = listing.list(new Rows(selection), groups, request.limit(), after);
        Map<UUID, String> names = new HashMap<>();
        return page.map(row -> ExternalDeviceView.of(row, names.computeIfAbsent(row.deviceId(), this::displayName)));
    }

    private String displayName(UUID deviceId) {
        try {
            return devices.get(deviceId).displayName();
        } catch (NotFoundException e) {
            return null;
        }
    }

    private final class Rows implements GroupScopedListing.Rows<StoredExternalDevice, ExternalDevicePosition> {

        private final ExternalDeviceSelection selection;

        Rows(ExternalDeviceSelection selection) {
            this.selection = selection;
        }

        @Override
        public List<StoredExternalDevice> after(Connection c, ExternalDevicePosition position, int limit)
                throws SQLException {
            return repository.page(c, selection, position, limit);
        }

        @Override
        public UUID deviceOf(StoredExternalDevice row) {
            return row.deviceId();
        }

        @Override
        public ExternalDevicePosition positionOf(StoredExternalDevice row) {
            return ExternalDevicePosition.of(row);
        }

        @Override
        public Cursor cursorOf(ExternalDevicePosition position) {
            return position.cursor();
        }
    }
}
