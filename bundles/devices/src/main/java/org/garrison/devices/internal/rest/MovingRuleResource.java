package org.garrison.devices.internal.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.garrison.api.Actor;
import org.garrison.api.Ids;
import org.garrison.api.device.DeviceMovingRule;
import org.garrison.api.device.DeviceMovingRules;
import org.garrison.api.device.MovingRuleDraft;
import org.garrison.api.error.ValidationException;
import org.garrison.api.security.Permissions;
import org.garrison.api.security.RequiresPermission;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The ordered device moving rules.
 */
@Component(service = MovingRuleResource.class)
@JaxrsResource
@JSONRequired
@Path("device-moving-rules")
@Tag(name = "Device moving rules", description = "Rules that place devices into groups automatically")
public class MovingRuleResource {

    private static final String PROBLEM = "application/problem+json";

    /** The object kind the audit log records changes of the rules under; they apply to the whole fleet. */
    private static final String RULE = "device-moving-rule";

    /** The body of {@code POST /device-moving-rules/order}. */
    @Schema(name = "MovingRuleOrder")
    record Order(@Schema(description = "Every rule's id, each once, in the new order") List<UUID> ruleIds) {
    }

    /** The answer of {@code POST /device-moving-rules/run}. */
    @Schema(name = "MovingRuleRun")
    record Run(@Schema(description = "How many devices were moved") int moved) {
    }

    private final DeviceMovingRules rules;

    @Activate
    public MovingRuleResource(@Reference DeviceMovingRules rules) {
        this.rules = rules;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listDeviceMovingRules", summary = "Every device moving rule, in order",
            responses = @ApiResponse(responseCode = "200", description = "The rules",
                    content = @Content(array = @ArraySchema(
                            schema = @Schema(implementation = DeviceMovingRule.class)))))
    @RequiresPermission(Permissions.GROUPS_READ)
    public List<DeviceMovingRule> list() {
        return rules.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createDeviceMovingRule", summary = "Add a rule at the end of the order",
            requestBody = @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = MovingRuleDraft.class))),
            responses = {
                @ApiResponse(responseCode = "201", description = "Created",
                        content = @Content(schema = @Schema(implementation = DeviceMovingRule.class))),
                @ApiResponse(responseCode = "422", description = "Invalid rule",
                        content = @Content(mediaType = PROBLEM))
            })
    @RequiresPermission(value = Permissions.GROUPS_WRITE, everywhere = true, objectKind = RULE)
    public Response create(MovingRuleDraft body, @Context SecurityContext security) {
        DeviceMovingRule rule = rules.create(required(body), Actor.of(security.getUserPrincipal()));
        return Response.created(URI.create("device-moving-rules/" + rule.id())).entity(rule).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getDeviceMovingRule", summary = "A device moving rule",
            responses = {
                @ApiResponse(responseCode = "200", description = "The rule",
                        content = @Content(schema = @Schema(implementation = DeviceMovingRule.class))),
                @ApiResponse(responseCode = "404", description = "No such rule",
                        content = @Content(mediaType = PROBLEM))
            })
    @RequiresPermission(Permissions.GROUPS_READ)
    public DeviceMovingRule get(@PathParam("id") String id) {
        return rules.get(Ids.parse("id", id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateDeviceMovingRule", summary = "Replace a rule's settings (its place stays)",
            requestBody = @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = MovingRuleDraft.class))),
            responses = {
                @ApiResponse(responseCode = "200", description = "The rule",
                        content = @Content(schema = @Schema(implementation = DeviceMovingRule.class))),
                @ApiResponse(responseCode = "404", description = "No such rule",
                        content = @Content(mediaType = PROBLEM)),
                @ApiResponse(responseCode = "422", description = "Invalid rule",
                        content = @Content(mediaType = PROBLEM))
            })
    @RequiresPermission(value = Permissions.GROUPS_WRITE, everywhere = true, objectKind = RULE)
    public DeviceMovingRule update(@PathParam("id") String id, MovingRuleDraft body,
            @Context SecurityContext security) {
        UUID ruleId = Ids.parse("id", id);
        return rules.update(ruleId, required(body), Actor.of(security.getUserPrincipal()));
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteDeviceMovingRule", summary = "Delete a rule",
            responses = {
                @ApiResponse(responseCode = "204", description = "Deleted"),
                @ApiResponse(responseCode = "404", description = "No such rule",
                        content = @Content(mediaType = PROBLEM))
            })
    @RequiresPermission(value = Permissions.GROUPS_WRITE, everywhere = true, objectKind = RULE)
    public void delete(@PathParam("id") String id, @Context SecurityContext security) {
        rules.delete(Ids.parse("id", id), Actor.of(security.getUserPrincipal()));
    }

    @POST
    @Path("order")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "orderDeviceMovingRules", summary = "Put the rules in a new order",
            requestBody = @RequestBody(required = true,
                    content = @Content(schema = @Schema(implementation = Order.class))),
            responses = {
                @ApiResponse(responseCode = "200", description = "The rules in their new order",
                        content = @Content(array = @ArraySchema(
                                schema = @Schema(implementation = DeviceMovingRule.class)))),
                @ApiResponse(responseCode = "422", description = "Not exactly the current rules",
                        content = @Content(mediaType = PROBLEM))
            })
    @RequiresPermission(value = Permissions.GROUPS_WRITE, everywhere = true, objectKind = RULE)
    public List<DeviceMovingRule> order(Order body, @Context SecurityContext security) {
        if (body == null) {
            throw new ValidationException("ruleIds", "is required");
        }
        return rules.reorder(body.ruleIds(), Actor.of(security.getUserPrincipal()));
    }

    @POST
    @Path("run")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "runDeviceMovingRules", summary = "Apply the rules to every device now",
            responses = @ApiResponse(responseCode = "200", description = "How many devices moved",
                    content = @Content(schema = @Schema(implementation = Run.class))))
    @RequiresPermission(value = Permissions.GROUPS_WRITE, everywhere = true, objectKind = RULE)
    public Run run(@Context SecurityContext security) {
        return new Run(rules.run(Actor.of(security.getUserPrincipal())));
    }

    private static MovingRuleDraft required(MovingRuleDraft body) {
        if (body == null) {
            throw new ValidationException("", "a moving rule is required");
        }
        return body;
    }
}
