package org.garrison.plugins.endpointprotection.internal.rest;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.garrison.api.Ids;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.device.DeviceService;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.group.GroupService;
import org.garrison.api.security.Caller;
import org.garrison.api.security.GroupScope;
import org.garrison.api.security.RequiresPermission;
import org.garrison.api.security.ScopeCheck;
import org.garrison.api.store.MigratedSchema;
import org.garrison.api.store.Transactions;
import org.garrison.plugins.endpointprotection.internal.EndpointProtection;
import org.garrison.plugins.endpointprotection.internal.reports.ThreatStatus;
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
 * The threats found across the fleet: {@code GET /api/v1/plugins/endpoint-protection/resources/threats}.
 */
@Component(service = ThreatsResource.class)
@JaxrsResource
@JaxrsApplicationSelect("(garrison.plugin=" + EndpointProtection.ID + ")")
@JSONRequired
@Path("threats")
@Tag(name = "Endpoint Protection", description = "Threats, quarantine, scan state and licences the Endpoint "
        + "Protection application reports")
public class ThreatsResource {

    private final ThreatListing listing;
    private final ScopeCheck scopes;
    private final GroupService groups;

    /** {@code schema} is not used: the component only starts once the plugin's tables are migrated. */
    @Activate
    public ThreatsResource(@Reference Transactions transactions, @Reference DeviceService devices,
            @Reference GroupService groups, @Reference ScopeCheck scopes,
            @Reference(target = EndpointProtection.SCHEMA_FILTER) MigratedSchema schema) {
        this.listing = new ThreatListing(transactions, devices);
        this.scopes = scopes;
        this.groups = groups;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listEndpointProtectionThreats", summary = "List threats found on devices, newest first",
            description = "Filters combine with AND. A caller whose endpoint-protection.read is limited to some groups"
                    + " sees the threats of their devices only (a group filter outside them is refused with 403)."
                    + " A page may hold fewer items than the limit and still have a nextCursor when many threats"
                    + " of other groups lie in between. The page carries no total.")
    @ApiResponse(responseCode = "200", description = "One page of threats")
    @ApiResponse(responseCode = "422", description = "A malformed filter, limit or cursor, or an unknown group")
    @RequiresPermission(EndpointProtection.READ)
    public Page<ThreatView> list(
            @Parameter(description = "detected, disinfected, quarantined, deleted or not-disinfected; repeatable or"
                    + " comma-separated") @QueryParam("status") List<String> status,
            @Parameter(description = "Threats of this device (id)") @QueryParam("device") String device,
            @Parameter(description = "Threats of devices in this administration group or below it (id)")
            @QueryParam("group") String group,
            @Parameter(description = "Page size, 1-1000 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "The nextCursor of the previous page") @QueryParam("cursor") String cursor,
            @Context SecurityContext security) {
        ThreatSelection selection = new ThreatSelection(device == null || device.isEmpty() ? null
                : Ids.parse("device", device), statuses(status));
        PageRequest page = PageRequest.of(limit(limit), cursor);
        Caller caller = Caller.of(security.getUserPrincipal());
        GroupScope scope = caller == null ? GroupScope.NOWHERE : caller.scope(EndpointProtection.READ);
        Set<UUID> within = scopes.groupsWithin(scope);
        if (group != null && !group.isEmpty()) {
            UUID groupId = Ids.parse("group", group);
            Set<UUID> subtree;
            try {
                subtree = groups.subtree(groupId);
            } catch (NotFoundException e) {
                throw new ValidationException("group", "there is no administration group " + groupId);
            }
            if (within != null) {
                scopes.require(caller, EndpointProtection.READ, Set.of(groupId));
            }
            within = subtree;
        }
        return listing.list(selection, within, page);
    }

    private static Set<ThreatStatus> statuses(List<String> values) {
        Set<ThreatStatus> statuses = EnumSet.noneOf(ThreatStatus.class);
        if (values == null) {
            return statuses;
        }
        for (String value : values) {
            for (String name : value.split(",")) {
                if (name.isBlank()) {
                    continue;
                }
                statuses.add(ThreatStatus.fromWireName(name.strip()).orElseThrow(() -> new ValidationException(
                        "status", "must be detected, disinfected, quarantined, deleted or not-disinfected, not '"
                                + abbreviated(name.strip()) + "'")));
            }
        }
        return statuses;
    }

    private static Integer limit(String limit) {
        if (limit == null || limit.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(limit);
        } catch (NumberFormatException e) {
            throw new ValidationException("limit", "must be a whole number between 1 and " + PageRequest.MAX_LIMIT);
        }
    }

    private static String abbreviated(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
