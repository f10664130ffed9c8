package org.garrison.groups.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.garrison.api.group.AdministrationGroup;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The wire forms of groups, with their device counts.
 */
final class GroupViews {

    private GroupViews() {
    }

    @Schema(name = "AdministrationGroup", description = "An administration group with its device counts")
    record GroupView(
            UUID id,
            @Schema(description = "The parent group; absent for the two built-in top-level groups") UUID parentId,
            String name,
            @Schema(description = "Whether this is \"Managed devices\" or \"Unassigned devices\"") boolean builtIn,
            Instant createdAt,
            @Schema(description = "When it was last renamed or moved") Instant modifiedAt,
            @Schema(description = "Devices directly in this group") long deviceCount,
            @Schema(description = "Devices in this group and all groups below it") long subtreeDeviceCount) {
    }

    @Schema(name = "AdministrationGroupPage", description = "A page of administration groups")
    record GroupPage(List<GroupView> items, String nextCursor, Long total) {
    }

    @Schema(name = "AdministrationGroupNode", description = "A group of the tree with its subgroups")
    record GroupNode(UUID id, String name, boolean builtIn, long deviceCount, long subtreeDeviceCount,
            List<GroupNode> children) {
    }

    @Schema(name = "CreateAdministrationGroup")
    record CreateRequest(
            @Schema(description = "The parent group", requiredMode = Schema.RequiredMode.REQUIRED) UUID parentId,
            @Schema(description = "1-255 characters, unique among the siblings regardless of case",
                    requiredMode = Schema.RequiredMode.REQUIRED) String name) {
    }

    @Schema(name = "RenameAdministrationGroup")
    record RenameRequest(@Schema(description = "The new name", requiredMode = Schema.RequiredMode.REQUIRED)
            String name) {
    }

    @Schema(name = "MoveAdministrationGroup")
    record MoveRequest(@Schema(description = "The new parent group", requiredMode = Schema.RequiredMode.REQUIRED)
            UUID parentId) {
    }

    static GroupView view(AdministrationGroup group, GroupCounts counts) {
        return new GroupView(group.id(), group.parentId(), group.name(), group.builtIn(), group.createdAt(),
                group.modifiedAt(), counts.direct(group.id()), counts.subtree(group.id()));
    }

    static GroupNode node(GroupTree tree, AdministrationGroup group, GroupCounts counts) {
        return new GroupNode(group.id(), group.name(), group.builtIn(), counts.direct(group.id()),
                counts.subtree(group.id()),
                tree.children(group.id()).stream().map(child -> node(tree, child, counts)).toList());
    }
}
