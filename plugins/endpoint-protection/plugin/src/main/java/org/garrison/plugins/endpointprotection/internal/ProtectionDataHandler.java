package org.garrison.plugins.endpointprotection.internal;

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
import org.garrison.plugins.endpointprotection.internal.reports.InvalidReportException;
import org.garrison.plugins.endpointprotection.internal.reports.ReportReader;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives what the Endpoint Protection application on each device sends through its agent: writes it into the
 * plugin's tables, brings the device's application entry (protection, last scan, threat counts, components, licence
 * keys, status reasons, tags) up to date through the devices area, and stores an event for every new detection, object
 * not disinfected and outdated database release. All of it in the gateway's transaction, so it happens exactly once.
 *
 * <p>A report that does not follow its schema is logged and skipped, never thrown: the gateway would offer the same
 * data again and again, holding up every later report of every device.
 */
@Component(service = ApplicationDataHandler.class, configurationPid = ProtectionConfig.PID,
        property = ApplicationDataHandler.APPLICATION + "=" + EndpointProtection.ID)
@Designate(ocd = ProtectionConfig.class)
public class ProtectionDataHandler implements ApplicationDataHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ProtectionDataHandler.class);

    private final Transactions transactions;
    private final DeviceService devices;
    private final EventService events;
    private final ReportApplier applier;
    private volatile int outdatedDays;

    /** {@code schema} is not used: the component only starts once the plugin's tables are migrated. */
    @Activate
    public ProtectionDataHandler(@Reference Transactions transactions, @Reference DeviceService devices,
            @Reference EventService events, @Reference JsonSchemaValidator validator,
            @Reference(target = EndpointProtection.SCHEMA_FILTER) MigratedSchema schema, ProtectionConfig config) {
        this(transactions, devices, events, validator, config.databasesOutdatedDays());
    }

    ProtectionDataHandler(Transactions transactions, DeviceService devices, EventService events,
            JsonSchemaValidator validator, int outdatedDays) {
        this.transactions = transactions;
        this.devices = devices;
        this.events = events;
        this.applier = new ReportApplier(new ReportReader(validator));
        this.outdatedDays = outdatedDays;
    }

    @Modified
    void modified(ProtectionConfig config) {
        outdatedDays = config.databasesOutdatedDays();
    }

    @Override
    public void handle(UUID deviceId, List<ApplicationData> data) {
        if (devices.groupsOf(Set.of(deviceId)).isEmpty()) {
            LOG.debug("Device {} was deleted; dropping {} reports of its Endpoint Protection", deviceId, data.size());
            return;
        }
        int days = outdatedDays;
        transactions.runInTransaction(c -> {
            List<NewEvent> raised = new ArrayList<>();
            for (ApplicationData report : data) {
                try {
                    raised.addAll(applier.apply(c, deviceId, report, days));
                } catch (InvalidReportException e) {
                    LOG.warn("Device {}: {}. The report (of {}) is skipped.", deviceId, e.getMessage(),
                            report.reportedAt());
                }
            }
            Optional<InstalledApplication> current = currentEntry(deviceId);
            InstalledApplication derived = new ApplicationStateRules(days).derive(current,
                    applier.summary(c, deviceId));
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
                .filter(a -> EndpointProtection.ID.equals(a.applicationId())).findFirst();
        if (entry.isEmpty()) {
            return entry;
        }
        List<String> tags = devices.get(deviceId).tags().stream()
                .filter(tag -> EndpointProtection.ID.equals(tag.source())).map(DeviceTag::name).toList();
        InstalledApplication a = entry.get();
        return Optional.of(new InstalledApplication(a.applicationId(), a.name(), a.version(), a.state(),
                a.realTimeProtection(), a.lastScan(), a.threatsDetected(), a.objectsNotDisinfected(), a.components(),
                a.activeKey(), a.reserveKey(), a.installedAt(), a.installId(), a.statusReports(), tags));
    }
}
