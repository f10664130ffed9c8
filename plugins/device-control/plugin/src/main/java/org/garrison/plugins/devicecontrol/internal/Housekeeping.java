package org.garrison.plugins.devicecontrol.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.garrison.plugins.devicecontrol.internal.store.AccessLogRepository;
import org.garrison.plugins.devicecontrol.internal.store.DeviceData;
import org.garrison.plugins.devicecontrol.internal.store.ExternalDeviceRepository;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the plugin's tables within their retention: removes access-log entries older than {@code accessLogKeepDays}
 * and external devices disconnected that long, and the data of devices deleted from the server: at once when the
 * devices area announces a removal, and on a schedule for removals it could not hear (made on another server node, or
 * while the plugin was stopped), asking the devices area, a chunk of device ids at a time, which of them still exist.
 */
@Component(service = {Housekeeping.class, DeviceRemovalListener.class}, configurationPid = DeviceControlConfig.PID)
@Designate(ocd = DeviceControlConfig.class)
public class Housekeeping implements DeviceRemovalListener {

    static final int CHUNK = 500;

    private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

    private final Transactions transactions;
    private final DeviceService devices;
    private final Clock clock;
    private final Duration keep;
    private final DeviceData data = new DeviceData();
    private final AccessLogRepository log = new AccessLogRepository();
    private final ExternalDeviceRepository external = new ExternalDeviceRepository();
    private final ScheduledExecutorService executor;

    /** {@code schema} is not used: the component only starts once the plugin's tables are migrated. */
    @Activate
    public Housekeeping(@Reference Transactions transactions, @Reference DeviceService devices,
            @Reference(target = DeviceControl.SCHEMA_FILTER) MigratedSchema schema, DeviceControlConfig config) {
        this(transactions, devices, Clock.systemUTC(), Duration.ofDays(Math.max(1, config.accessLogKeepDays())));
        long period = TimeUnit.HOURS.toMinutes(Math.max(1, config.housekeepingHours()));
        // the first run comes a while after start, spread so several server nodes do not run it together
        long first = 10 + ThreadLocalRandom.current().nextLong(50);
        executor.scheduleWithFixedDelay(this::runSafely, first, period, TimeUnit.MINUTES);
    }

    Housekeeping(Transactions transactions, DeviceService devices, Clock clock, Duration keep) {
        this.transactions = transactions;
        this.devices = devices;
        this.clock = clock;
        this.keep = keep;
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "device-control-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    /** Drops the data of the removed devices, on the housekeeping's own thread, once confirmed gone. */
    @Override
    public void devicesRemoved(Set<UUID> deviceIds) {
        try {
            executor.execute(() -> {
                try {
                    int removed = removeGone(List.copyOf(deviceIds));
                    LOG.debug("Removed the Device Control data of {} deleted devices", removed);
                } catch (RuntimeException e) {
                    LOG.warn("Could not remove the Device Control data of {} deleted devices; the scheduled "
                            + "housekeeping will", deviceIds.size(), e);
                }
            });
        } catch (RejectedExecutionException stopping) {
            LOG.debug("Not removing data of deleted devices: the plugin is stopping");
        }
    }

    private void runSafely() {
        try {
            int expired = removeExpired();
            int removed = removeDeletedDevices();
            if (expired > 0 || removed > 0) {
                LOG.info("Removed {} expired Device Control rows and the data of {} deleted devices", expired,
                        removed);
            }
        } catch (RuntimeException e) {
            LOG.warn("Device Control housekeeping failed; trying again later", e);
        }
    }

    /**
     * @return how many access-log entries and disconnected external devices were removed
     */
    int removeExpired() {
        Instant cutoff = clock.instant().minus(keep);
        return transactions.inTransaction(c -> log.removeBefore(c, cutoff)
                + external.removeDisconnectedBefore(c, cutoff));
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
