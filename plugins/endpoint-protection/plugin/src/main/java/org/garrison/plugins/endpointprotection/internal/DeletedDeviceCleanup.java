package org.garrison.plugins.endpointprotection.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.garrison.api.device.DeviceRemovalListener;
import org.garrison.api.device.DeviceService;
import org.garrison.api.store.MigratedSchema;
import org.garrison.api.store.Transactions;
import org.garrison.plugins.endpointprotection.internal.store.DeviceData;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes the plugin's data of devices deleted from the server: at once when the devices area announces a removal,
 * and on a schedule for removals it could not hear (made on another server node, or while the plugin was stopped),
 * asking the devices area, a chunk of device ids at a time, which of them still exist.
 */
@Component(service = {DeletedDeviceCleanup.class, DeviceRemovalListener.class},
        configurationPid = ProtectionConfig.PID)
public class DeletedDeviceCleanup implements DeviceRemovalListener {

    static final int CHUNK = 500;

    private static final Logger LOG = LoggerFactory.getLogger(DeletedDeviceCleanup.class);

    private final Transactions transactions;
    private final DeviceService devices;
    private final DeviceData data = new DeviceData();
    private final ScheduledExecutorService executor;

    /** {@code schema} is not used: the component only starts once the plugin's tables are migrated. */
    @Activate
    public DeletedDeviceCleanup(@Reference Transactions transactions, @Reference DeviceService devices,
            @Reference(target = EndpointProtection.SCHEMA_FILTER) MigratedSchema schema, ProtectionConfig config) {
        this(transactions, devices);
        long period = TimeUnit.HOURS.toMinutes(Math.max(1, config.deletedDevicesCheckHours()));
        // the first run comes a while after start, spread so several server nodes do not run it together
        long first = 10 + ThreadLocalRandom.current().nextLong(50);
        executor.scheduleWithFixedDelay(this::runSafely, first, period, TimeUnit.MINUTES);
    }

    DeletedDeviceCleanup(Transactions transactions, DeviceService devices) {
        this.transactions = transactions;
        this.devices = devices;
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "endpoint-protection-cleanup");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    /** Drops the data of the removed devices, on the cleanup's own thread, once confirmed gone. */
    @Override
    public void devicesRemoved(Set<UUID> deviceIds) {
        try {
            executor.execute(() -> {
                try {
                    int removed = removeGone(List.copyOf(deviceIds));
                    LOG.debug("Removed the Endpoint Protection data of {} deleted devices", removed);
                } catch (RuntimeException e) {
                    LOG.warn("Could not remove the Endpoint Protection data of {} deleted devices; the scheduled "
                            + "check will", deviceIds.size(), e);
                }
            });
        } catch (RejectedExecutionException stopping) {
            LOG.debug("Not removing data of deleted devices: the plugin is stopping");
        }
    }

    private void runSafely() {
        try {
            int removed = removeDeletedDevices();
            if (removed > 0) {
                LOG.info("Removed the Endpoint Protection data of {} deleted devices", removed);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not remove the Endpoint Protection data of deleted devices; trying again later", e);
        }
    }

    /**
     * @return how many devices' data was removed
     */
    int removeDeletedDevices() {
        int removed = 0;
        UUID after = null;
        while (true) {
            UUID from = after;
            List<UUID> chunk = transactions.inTransaction(c -> data.devicesAfter(c, from, CHUNK));
            if (chunk.isEmpty()) {
                return removed;
            }
            removed += removeGone(chunk);
            after = chunk.get(chunk.size() - 1);
        }
    }

    /** Deletes the data of those of the devices that no longer exist (a restored device keeps its data). */
    int removeGone(List<UUID> deviceIds) {
        Map<UUID, UUID> existing = devices.groupsOf(Set.copyOf(deviceIds));
        List<UUID> gone = new ArrayList<>();
        deviceIds.stream().filter(id -> !existing.containsKey(id)).forEach(gone::add);
        if (!gone.isEmpty()) {
            transactions.runInTransaction(c -> data.delete(c, gone));
        }
        return gone.size();
    }
}
