package org.garrison.devices.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.garrison.api.Actor;
import org.garrison.api.device.DeviceService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Periodic work on every device, on its own thread: applies the groups' inactivity handling (devices not seen
 * for too long are reported, then leave their group), then recomputes statuses, whose time-based conditions (not seen for N days,
 * scan overdue, licence expiring) change without any inventory arriving.
 */
@Component(configurationPid = DeviceHousekeeping.PID)
@Designate(ocd = DeviceHousekeeping.Config.class)
public class DeviceHousekeeping {

    static final String PID = "org.garrison.devices.housekeeping";

    private static final Logger LOG = LoggerFactory.getLogger(DeviceHousekeeping.class);

    @ObjectClassDefinition(name = "Garrison device housekeeping",
            description = "How often inactive devices are removed and device statuses recomputed")
    public @interface Config {

        @AttributeDefinition(name = "Interval (minutes)",
                description = "Minutes between two passes over every device", min = "1")
        int intervalMinutes() default 15;
    }

    private final ScheduledExecutorService executor;

    @Activate
    public DeviceHousekeeping(@Reference DeviceService devices, Config config) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "garrison-device-housekeeping");
            thread.setDaemon(true);
            return thread;
        });
        long interval = Math.max(1, config.intervalMinutes());
        executor.scheduleWithFixedDelay(() -> {
            try {
                int reported = devices.reportInactive();
                int removed = devices.removeInactive(Actor.system("device-housekeeping"));
                int changed = devices.recomputeStatuses();
                LOG.debug("Device housekeeping: {} inactive devices reported, {} removed, {} statuses changed",
                        reported, removed, changed);
            } catch (RuntimeException e) {
                LOG.warn("Device housekeeping failed: {}", e.getMessage(), e);
            }
        }, interval, interval, TimeUnit.MINUTES);
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }
}
