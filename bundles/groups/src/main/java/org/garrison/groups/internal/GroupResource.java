package org.garrison.groups.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PATCH;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.garrison.api.Actor;
import org.garrison.api.Cursor;
import org.garrison.api.Ids;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.error.ValidationException;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.group.EffectiveDeviceSettings;
import org.garrison.api.group.GroupDeletion;
import org.garrison.api.group.GroupDeviceSettings;
import org.garrison.api.security.Caller;
import org.garrison.api.security.GroupScope;
import org.garrison.api.security.Permissions;
import org.garrison.api.security.RequiresPermission;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JSONRequired;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Administration groups over REST: the tree, its changes and per-group device settings.
 */
@Component(service = GroupResource.class)
@JaxrsResource
@JSONRequired
@Path("groups")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration groups", description = "The tree devices are organised in, and per-group device settings")
public class GroupResource {

    private static final String ID = "Group id";

    private static final String PATH_ID = "path:id";
    private static final String GROUP = AdministrationGroup.OBJECT_TYPE;

    private final AdministrationGroupsService groups;
    private final GroupScopeCheck scopes;

    @Activate
    public GroupResource(@Reference AdministrationGroupsService groups) {
        this.groups = groups;
        this.scopes = new GroupScopeCheck(groups);
    }

    @GET
    @Operation(operationId = "listGroups", summary = "List groups, parents before their children",
            description = "Siblings are sorted by name. Each group carries its direct and subtree device counts. "
                    + "A caller whose groups.read is scoped sees only the groups within their subtrees.",
            responses = {
                @ApiResponse(responseCode = "200", description = "One page of groups",
                        content = @Content(schema = @Schema(implementation = GroupViews.GroupPage.class))),
                @ApiResponse(responseCode = "422", description = "A bad limit or cursor")})
    @RequiresPermission(Permissions.GROUPS_READ)
    public Page<GroupViews.GroupView> list(
            @Parameter(description = "Page size, 1-1000 (default 50)") @QueryParam("limit") Integer limit,
            @Parameter(description = "Cursor from the previous page") @QueryParam("cursor") String cursor,
            @Context SecurityContext security) {
        PageRequest page = PageRequest.of(limit, cursor);
        GroupTree tree = groups.tree();
        Set<UUID> visible = tree.within(scope(security, Permissions.GROUPS_READ));
        List<AdministrationGroup> all = visible == null ? tree.all()
                : tree.all().stream().filter(g -> visible.contains(g.id())).toList();
        int from = 0;
        if (page.cursor() != null) {
            from = startAfter(all, page.cursor());
        }
        int to = Math.min(all.size(), from + page.limit());
        GroupCounts counts = groups.counts(tree);
        List<GroupViews.GroupView> items = all.subList(from, to).stream().map(g -> GroupViews.view(g, counts))
                .toList();
        String next = to < all.size() ? Cursor.after(all.get(to - 1).id().toString()).encode() : null;
        return new Page<>(items, next, (long) all.size());
    }

    private static int startAfter(List<AdministrationGroup> all, Cursor cursor) {
        if (cursor.keys().size() == 1) {
            for (int i = 0; i < all.size(); i++) {
                if (all.get(i).id().toString().equals(cursor.keys().get(0))) {
                    return i + 1;
                }
            }
        }
        throw new ValidationException("cursor",
                "refers to a group that no longer exists or to another listing; start again without one");
    }

    @GET
    @Path("tree")
    @Operation(operationId = "getGroupTree", summary = "The whole tree, nested",
            description = "The top-level groups (\"Managed devices\" and \"Unassigned devices\"), each with its "
                    + "subgroups, recursively. For a caller whose groups.read is scoped, the groups they were granted "
                    + "are the top level.",
            responses = @ApiResponse(responseCode = "200", description = "The top-level groups",
                    content = @Content(array = @ArraySchema(schema = @Schema(
                            implementation = GroupViews.GroupNode.class)))))
    @RequiresPermission(Permissions.GROUPS_READ)
    public List<GroupViews.GroupNode> tree(@Context SecurityContext security) {
        GroupTree tree = groups.tree();
        GroupCounts counts = groups.counts(tree);
        return tree.tops(scope(security, Permissions.GROUPS_READ)).stream()
                .map(root -> GroupViews.node(tree, root, counts)).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createGroup", summary = "Create a group",
            responses = {
                @ApiResponse(responseCode = "201", description = "Created",
                        content = @Content(schema = @Schema(implementation = GroupViews.GroupView.class))),
                @ApiResponse(responseCode = "403", description = "The parent lies outside the caller's groups"),
                @ApiResponse(responseCode = "404", description = "The parent does not exist"),
                @ApiResponse(responseCode = "409", description = "A sibling has that name"),
                @ApiResponse(responseCode = "422", description = "A bad name, or the parent is "
                        + "\"Unassigned devices\"")})
    @RequiresPermission(value = Permissions.GROUPS_WRITE, objectKind = GROUP)
    public Response create(GroupViews.CreateRequest request, @Context SecurityContext security,
            @Context UriInfo uri) {
        if (request == null) {
            throw new ValidationException("", "a body with parentId and name is required");
        }
        requireWithin(security, request.parentId());
        AdministrationGroup group = groups.create(request.parentId(), request.name(), actor(security));
        return Response.created(uri.getAbsolutePathBuilder().path(group.id().toString()).build())
                .entity(view(group.id())).build();
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getGroup", summary = "Read one group",
            responses = {
                @ApiResponse(responseCode = "200", description = "The group",
                        content = @Content(schema = @Schema(implementation = GroupViews.GroupView.class))),
                @ApiResponse(responseCode = "404", description = "No such group")})
    @RequiresPermission(value = Permissions.GROUPS_READ, scopeFrom = PATH_ID, objectKind = GROUP)
    public GroupViews.GroupView get(@Parameter(description = ID) @PathParam("id") String id) {
        return view(Ids.parse("id", id));
    }

    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "renameGroup", summary = "Rename a group",
            responses = {
                @ApiResponse(responseCode = "200", description = "The renamed group",
                        content = @Content(schema = @Schema(implementation = GroupViews.GroupView.class))),
                @ApiResponse(responseCode = "404", description = "No such group"),
                @ApiResponse(responseCode = "409", description = "A built-in group, or a sibling has that name"),
                @ApiResponse(responseCode = "422", description = "A bad name")})
    @RequiresPermission(value = Permissions.GROUPS_WRITE, scopeFrom = PATH_ID, objectKind = GROUP)
    public GroupViews.GroupView rename(@Parameter(description = ID) @PathParam("id") String id,
            GroupViews.RenameRequest request, @Context SecurityContext security) {
        UUID groupId = Ids.parse("id", id);
        groups.rename(groupId, request == null ? null : request.name(), actor(security));
        return view(groupId);
    }

    @POST
    @Path("{id}/move")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "moveGroup", summary = "Move a group with its subtree under another parent",
            responses = {
                @ApiResponse(responseCode = "200", description = "The moved group",
                        content = @Content(schema = @Schema(implementation = GroupViews.GroupView.class))),
                @ApiResponse(responseCode = "404", description = "No such group or parent"),
                @ApiResponse(responseCode = "409", description = "A built-in group, a move under itself or one of "
                        + "its subgroups, or the name is taken under the new parent"),
                @ApiResponse(responseCode = "422", description = "No parent given, or the parent is "
                        + "\"Unassigned devices\"")})
    @RequiresPermission(value = Permissions.GROUPS_WRITE, scopeFrom = PATH_ID, objectKind = GROUP)
    public GroupViews.GroupView move(@Parameter(description = ID) @PathParam("id") String id,
            GroupViews.MoveRequest request, @Context SecurityContext security) {
        UUID groupId = Ids.parse("id", id);
        if (request != null) {
            requireWithin(security, request.parentId());
        }
        groups.move(groupId, request == null ? null : request.parentId(), actor(security));
        return view(groupId);
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteGroup", summary = "Delete a group",
            description = "Deleted groups are listed in the deleted-objects registry, one entry per group.",
            responses = {
                @ApiResponse(responseCode = "204", description = "Deleted"),
                @ApiResponse(responseCode = "404", description = "No such group"),
                @ApiResponse(responseCode = "409", description = "A built-in group, or subgroups or members the "
                        + "mode does not allow to delete"),
                @ApiResponse(responseCode = "422", description = "An unknown mode")})
    @RequiresPermission(value = Permissions.GROUPS_WRITE, scopeFrom = PATH_ID, objectKind = GROUP)
    public Response delete(@Parameter(description = ID) @PathParam("id") String id,
            @Parameter(description = "empty-only (default): only a group without subgroups and members; "
                    + "with-subgroups: with its subgroups, if none has members; with-members: everything, devices "
                    + "go back to \"Unassigned devices\"",
                    schema = @Schema(allowableValues = {"empty-only", "with-subgroups", "with-members"}))
            @QueryParam("mode") String mode,
            @Context SecurityContext security) {
        UUID groupId = Ids.parse("id", id);
        groups.delete(groupId, deletion(mode), actor(security));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/device-settings")
    @Operation(operationId = "getGroupDeviceSettings", summary = "The group's own device settings",
            responses = {
                @ApiResponse(responseCode = "200", description = "The settings (defaults until changed)",
                        content = @Content(schema = @Schema(implementation = GroupDeviceSettings.class))),
                @ApiResponse(responseCode = "404", description = "No such group")})
    @RequiresPermission(value = Permissions.GROUPS_READ, scopeFrom = PATH_ID, objectKind = GROUP)
    public GroupDeviceSettings deviceSettings(@Parameter(description = ID) @PathParam("id") String id) {
        return groups.own(Ids.parse("id", id));
    }

    @PUT
    @Path("{id}/device-settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateGroupDeviceSettings", summary = "Replace the group's own device settings",
            responses = {
                @ApiResponse(responseCode = "200", description = "The stored settings",
                        content = @Content(schema = @Schema(implementation = GroupDeviceSettings.class))),
                @ApiResponse(responseCode = "404", description = "No such group"),
                @ApiResponse(responseCode = "422", description = "Negative thresholds, a warning threshold beyond "
                        + "the critical one, two conditions of one type")})
    @RequiresPermission(value = Permissions.GROUPS_WRITE, scopeFrom = PATH_ID, objectKind = GROUP)
    public GroupDeviceSettings updateDeviceSettings(@Parameter(description = ID) @PathParam("id") String id,
            GroupDeviceSettings settings, @Context SecurityContext security) {
        return groups.update(Ids.parse("id", id), settings, actor(security));
    }

    @GET
    @Path("{id}/device-settings/effective")
    @Operation(operationId = "getEffectiveGroupDeviceSettings",
            summary = "The device settings in force for the group, after inheritance",
            responses = {
                @ApiResponse(responseCode = "200", description = "The settings in force and where they come from",
                        content = @Content(schema = @Schema(implementation = EffectiveDeviceSettings.class))),
                @ApiResponse(responseCode = "404", description = "No such group")})
    @RequiresPermission(value = Permissions.GROUPS_READ, scopeFrom = PATH_ID, objectKind = GROUP)
    public EffectiveDeviceSettings effectiveDeviceSettings(
            @Parameter(description = ID) @PathParam("id") String id) {
        return groups.effective(Ids.parse("id", id));
    }

    private GroupViews.GroupView view(UUID id) {
        GroupTree tree = groups.tree();
        return GroupViews.view(tree.get(id), groups.counts(tree));
    }

    private static GroupDeletion deletion(String mode) {
        if (mode == null || mode.isEmpty()) {
            return GroupDeletion.EMPTY_ONLY;
        }
        return switch (mode) {
            case "empty-only" -> GroupDeletion.EMPTY_ONLY;
            case "with-subgroups" -> GroupDeletion.WITH_SUBGROUPS;
            case "with-members" -> GroupDeletion.WITH_MEMBERS;
            default -> throw new ValidationException("mode", "must be one of empty-only, with-subgroups, with-members");
        };
    }

    /** Where the caller holds the permission; nowhere when nobody is signed in. */
    private static GroupScope scope(SecurityContext security, String permission) {
        Caller caller = Caller.of(security.getUserPrincipal());
        return caller == null ? GroupScope.NOWHERE : caller.scope(permission);
    }

    /** A group named in the body (a new parent) must lie within the caller's groups too. */
    private void requireWithin(SecurityContext security, UUID groupId) {
        if (groupId != null) {
            scopes.require(Caller.of(security.getUserPrincipal()), Permissions.GROUPS_WRITE, Set.of(groupId));
        }
    }

    private static Actor actor(SecurityContext security) {
        return Actor.of(security.getUserPrincipal());
    }
}
