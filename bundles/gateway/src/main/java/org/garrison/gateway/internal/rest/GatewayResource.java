package org.garrison.gateway.internal.rest;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import org.garrison.api.security.Permissions;
import org.garrison.api.security.RequiresPermission;
import org.garrison.gateway.internal.ca.CertificateAuthority;
import org.garrison.gateway.internal.enrollment.GatewayAddress;
import org.garrison.gateway.internal.rest.AgentViews.GatewayView;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Where and how agents reach the gateway, for the console's "add devices" page.
 */
@Component(service = GatewayResource.class)
@JaxrsResource
@JSONRequired
@Path("gateway")
@Tag(name = "Agents")
public class GatewayResource {

    private final CertificateAuthority authority;
    private final GatewayAddress gateway;

    @Activate
    public GatewayResource(@Reference CertificateAuthority authority, @Reference GatewayAddress gateway) {
        this.authority = authority;
        this.gateway = gateway;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getGateway", summary = "The agent gateway's port, certificate authority and names",
            responses = @ApiResponse(responseCode = "200", description = "The gateway",
                    content = @Content(schema = @Schema(implementation = GatewayView.class))))
    @RequiresPermission(Permissions.ENROLLMENT_READ)
    public GatewayView get() {
        return new GatewayView(gateway.port(), authority.certificatePem(), authority.pin(), gateway.serverNames());
    }
}
