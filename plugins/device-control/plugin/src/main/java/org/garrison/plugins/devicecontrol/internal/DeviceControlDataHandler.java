package org.garrison.plugins.devicecontrol.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.agent.ApplicationData;
import org.garrison.api.agent.ApplicationDataHandler;
import org.garrison.api.device.DeviceService;
import org.garrison.api.device.DeviceTag;
import org.garrison.api.device.InstalledApplication;
import org.garrison.api.device.InventoryReport;
import org.garrison.api.event.EventService;
import org.garrison.api.event.NewEvent;
import org.garrison.api.plugin.JsonSchemaValidator;
import org.garrison.api.store.MigratedSchema;
import org.garrison.api.store.Transactions;
import org.garrison.plugins.devicecontrol.internal.reports.InvalidReportException;
import org.garrison.plugins.devicecontrol.internal.reports.ReportReader;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives what the Device Control application on each device sends through its agent: writes the external devices
 * connected and the access decisions into the plugin's tables, brings the device's application entry (its status
 * reason and tag) up to date through the devices area, and stores an event for every trusted device allowed. All of
 * it in the gateway's transaction, so it happens exactly once.
 *
 * <p>A report that does not follow its schema is logged and skipped, never thrown: the gateway would offer the same
 * data again and again, holding up every later report of every device.
 */
@Component(service = ApplicationDataHandler.class, property = ApplicationDataHandler.APPLICATION + "="
        + DeviceControl.ID)
public class DeviceControlDataHandler implements ApplicationDataHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceControlDataHandler.class);

    private final Transactions transactions;
    private final DeviceService devices;
    private final EventService events;
    private final ReportApplier applier;

    /** {@code schema} is not used: the component only starts once the plugin's tables are migrated. */
    @Activate
    public DeviceControlDataHandler(@Reference Transactions transactions, @Reference DeviceService devices,
            @Reference EventService events, @Reference JsonSchemaValidator validator,
            @Reference(target = DeviceControl.SCHEMA_FILTER) MigratedSchema schema) {
        this(transactions, devices, events, validator);
    }

    DeviceControlDataHandler(Transactions transactions, DeviceService devices, EventService events,
            JsonSchemaValidator validator) {
        this.transactions = transactions;
        this.devices = devices;
        this.events = events;
        this.applier = new ReportApplier(new ReportReader(validator));
    }

    @Override
    public void handle(UUID deviceId, List<ApplicationData> data) {
        if (devices.groupsOf(Set.of(deviceId)).isEmpty()) {
            LOG.debug("Device {} was deleted; dropping {} reports of its Device Control", deviceId, data.size());
            return;
        }
        transactions.runInTransaction(c -> {
            List<NewEvent> raised = new ArrayList<>();
            for (ApplicationData report : data) {
                try {
                    raised.addAll(applier.apply(c, deviceId, report));
                } catch (InvalidReportException e) {
                    LOG.warn("Device {}: {}. The report (of {}) is skipped.", deviceId, e.getMessage(),
                            report.reportedAt());
                }
            }
            Optional<InstalledApplication> current = currentEntry(deviceId);
            InstalledApplication derived = ApplicationStateRules.derive(current, applier.summary(c, deviceId));
            if (current.isEmpty() || !ApplicationStateRules.same(derived, current.get())) {
                devices.applyInventory(new InventoryReport(deviceId, false, null, null, null, null, null, null, null,
                        null, null, List.of(derived), List.of()));
            }
            if (!raised.isEmpty()) {
                events.ingest(raised);
            }
        });
    }

    /**
     * The device's entry as the devices area holds it, with the tags the application (or this plugin) set: the
     * devices area keeps those with the device's tags, not with the entry.
     */
    private Optional<InstalledApplication> currentEntry(UUID deviceId) {
        Optional<InstalledApplication> entry = devices.applications(deviceId).stream()
                .filter(a -> DeviceControl.ID.equals(a.applicationId())).findFirst();
        if (entry.isEmpty()) {
            return entry;
        }
        List<String> tags = devices.get(deviceId).tags().stream()
                .filter(tag -> DeviceControl.ID.equals(tag.source())).map(DeviceTag::name).toList();
        InstalledApplication a = entry.get();
        return Optional.of(new InstalledApplication(a.applicationId(), a.name(), a.version(), a.state(),
                a.realTimeProtection(), a.lastScan(), a.threatsDetected(), a.objectsNotDisinfected(), a.components(),
                a.activeKey(), a.reserveKey(), a.installedAt(), a.installId(), a.statusReports(), tags));
    }
}
