package org.garrison.plugins.endpointprotection.internal.rest;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.garrison.api.Ids;
import org.garrison.api.device.Device;
import org.garrison.api.device.DeviceService;
import org.garrison.api.security.RequiresPermission;
import org.garrison.api.store.MigratedSchema;
import org.garrison.api.store.Transactions;
import org.garrison.plugins.endpointprotection.internal.EndpointProtection;
import org.garrison.plugins.endpointprotection.internal.reports.LicenceReport;
import org.garrison.plugins.endpointprotection.internal.store.LicenceRepository;
import org.garrison.plugins.endpointprotection.internal.store.QuarantineRepository;
import org.garrison.plugins.endpointprotection.internal.store.ReportTimesRepository;
import org.garrison.plugins.endpointprotection.internal.store.ScanStateRepository;
import org.garrison.plugins.endpointprotection.internal.store.ThreatCounts;
import org.garrison.plugins.endpointprotection.internal.store.ThreatRepository;
import org.garrison.plugins.endpointprotection.internal.store.ThreatSelection;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * One device's protection: {@code GET /api/v1/plugins/endpoint-protection/resources/devices/{id}}.
 */
@Component(service = DeviceProtectionResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(garrison.plugin=" + EndpointProtection.ID + ")")
@JSONRequired
@Path("devices")
@Tag(name = "Endpoint Protection")
public class DeviceProtectionResource {

    /** How many of the device's newest detections the summary carries; the threats listing has the rest. */
    static final int RECENT_THREATS = 20;

    private final Transactions transactions;
    private final DeviceService devices;
    private final ThreatRepository threats = new ThreatRepository();
    private final QuarantineRepository quarantine = new QuarantineRepository();
    private final ScanStateRepository scans = new ScanStateRepository();
    private final LicenceRepository licences = new LicenceRepository();
    private final ReportTimesRepository times = new ReportTimesRepository();

    /** {@code schema} is not used: the component only starts once the plugin's tables are migrated. */
    @Activate
    public DeviceProtectionResource(@Reference Transactions transactions, @Reference DeviceService devices,
            @Reference(target = EndpointProtection.SCHEMA_FILTER) MigratedSchema schema) {
        this.transactions = transactions;
        this.devices = devices;
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getEndpointProtectionDevice", summary = "One device's threats, quarantine, scan state"
            + " and licence keys")
    @ApiResponse(responseCode = "200", description = "What the application reported about the device")
    @ApiResponse(responseCode = "404", description = "No such device")
    @RequiresPermission(value = EndpointProtection.READ, scopeFrom = "path:id", objectKind = DeviceService.OBJECT_TYPE)
    public DeviceProtectionView device(@Parameter(description = "The device's id") @PathParam("id") String id) {
        UUID deviceId = Ids.parse("id", id);
        Device device = devices.get(deviceId);
        return transactions.inTransaction(c -> {
            ThreatCounts counts = threats.counts(c, deviceId);
            List<ThreatView> recent = threats.page(c, new ThreatSelection(deviceId, null), null, RECENT_THREATS)
                    .stream().map(t -> ThreatView.of(t, device.displayName())).toList();
            DeviceProtectionView.Scan scan = scans.find(c, deviceId).map(s -> new DeviceProtectionView.Scan(
                    s.reportedAt(), s.status().realTimeProtection(), s.status().lastFullScan(),
                    s.status().lastQuickScan(), s.status().databasesReleasedAt(), s.status().components()))
                    .orElse(null);
            Optional<LicenceReport> keys = licences.find(c, deviceId);
            DeviceProtectionView.Licence licence = keys.isEmpty() ? null : new DeviceProtectionView.Licence(
                    times.latest(c, deviceId, EndpointProtection.KIND_LICENCE).orElse(null), keys.get().active(),
                    keys.get().reserve());
            return new DeviceProtectionView(deviceId, device.displayName(), scan,
                    new DeviceProtectionView.Threats(counts.detected(), counts.notDisinfected(), recent),
                    quarantine.list(c, deviceId), licence);
        });
    }
}
