package org.garrison.plugins.devicecontrol.internal.rest;

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
import org.garrison.plugins.devicecontrol.internal.DeviceControl;
import org.garrison.plugins.devicecontrol.internal.store.AccessLogRepository;
import org.garrison.plugins.devicecontrol.internal.store.ControlState;
import org.garrison.plugins.devicecontrol.internal.store.ExternalDeviceRepository;
import org.garrison.plugins.devicecontrol.internal.store.ExternalDeviceSelection;
import org.garrison.plugins.devicecontrol.internal.store.StateRepository;
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
 * One device's external devices and access log: {@code GET /api/v1/plugins/device-control/resources/devices/{id}}.
 */
@Component(service = DeviceControlResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(garrison.plugin=" + DeviceControl.ID + ")")
@JSONRequired
@Path("devices")
@Tag(name = "Device Control")
public class DeviceControlResource {

    /** How many external devices the view carries (a snapshot holds at most 500 connected ones). */
    static final int MAX_EXTERNAL_DEVICES = 1000;
    /** How many of the device's newest decisions the view carries. */
    static final int RECENT_ENTRIES = 100;

    private final Transactions transactions;
    private final DeviceService devices;
    private final ExternalDeviceRepository external = new ExternalDeviceRepository();
    private final AccessLogRepository log = new AccessLogRepository();
    private final StateRepository states = new StateRepository();

    /** {@code schema} is not used: the component only starts once the plugin's tables are migrated. */
    @Activate
    public DeviceControlResource(@Reference Transactions transactions, @Reference DeviceService devices,
            @Reference(target = DeviceControl.SCHEMA_FILTER) MigratedSchema schema) {
        this.transactions = transactions;
        this.devices = devices;
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getDeviceControlDevice", summary = "One device's external devices and its newest "
            + "access decisions")
    @ApiResponse(responseCode = "200", description = "What the application reported about the device")
    @ApiResponse(responseCode = "404", description = "No such device")
    @RequiresPermission(value = DeviceControl.READ, scopeFrom = "path:id", objectKind = DeviceService.OBJECT_TYPE)
    public DeviceControlView device(@Parameter(description = "The device's id") @PathParam("id") String id) {
        UUID deviceId = Ids.parse("id", id);
        Device device = devices.get(deviceId);
        return transactions.inTransaction(c -> {
            Optional<ControlState> state = states.find(c, deviceId);
            return new DeviceControlView(deviceId, device.displayName(),
                    state.map(ControlState::enforcement).orElse(null),
                    state.map(ControlState::policyHash).orElse(null),
                    state.map(ControlState::snapshotAt).orElse(null),
                    external.page(c, ExternalDeviceSelection.ofDevice(deviceId), null, MAX_EXTERNAL_DEVICES).stream()
                            .map(row -> ExternalDeviceView.of(row, device.displayName())).toList(),
                    log.recent(c, deviceId, RECENT_ENTRIES).stream().map(AccessEntryView::of).toList());
        });
    }
}
