package org.garrison.bench.policies;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.group.GroupDeletion;
import org.garrison.api.group.GroupService;

/**
 * A group tree held in memory, as the groups area holds its snapshot: "Managed devices" with three levels of
 * groups below. Answers the questions effective policies ask (a group, its ancestors); changes are not needed.
 */
final class BenchGroups implements GroupService {

    private final Map<UUID, AdministrationGroup> groups = new LinkedHashMap<>();

    BenchGroups() {
        add(AdministrationGroup.MANAGED_DEVICES, null, "Managed devices");
        add(AdministrationGroup.UNASSIGNED_DEVICES, null, "Unassigned devices");
    }

    /** Builds {@code fanOut} groups below the root, as many below each of them, and again; returns the leaves. */
    List<UUID> tree(int fanOut) {
        List<UUID> level = List.of(AdministrationGroup.MANAGED_DEVICES);
        for (int depth = 1; depth <= 3; depth++) {
            List<UUID> next = new ArrayList<>();
            for (UUID parent : level) {
                for (int i = 0; i < fanOut; i++) {
                    next.add(add(UUID.randomUUID(), parent, groups.get(parent).name() + "/" + i).id());
                }
            }
            level = next;
        }
        return level;
    }

    int size() {
        return groups.size();
    }

    /** The groups from the top of the tree down to the group. */
    List<UUID> path(UUID id) {
        List<UUID> path = new ArrayList<>();
        ancestors(id).forEach(group -> path.add(group.id()));
        path.add(id);
        return path;
    }

    private AdministrationGroup add(UUID id, UUID parent, String name) {
        AdministrationGroup group = new AdministrationGroup(id, parent, name, Instant.EPOCH, Instant.EPOCH);
        groups.put(id, group);
        return group;
    }

    @Override
    public AdministrationGroup get(UUID id) {
        AdministrationGroup group = groups.get(id);
        if (group == null) {
            throw new NotFoundException("Administration group", id);
        }
        return group;
    }

    @Override
    public List<AdministrationGroup> all() {
        return List.copyOf(groups.values());
    }

    @Override
    public List<AdministrationGroup> children(UUID id) {
        return groups.values().stream().filter(g -> id.equals(g.parentId())).toList();
    }

    @Override
    public Set<UUID> subtree(UUID id) {
        Set<UUID> subtree = new LinkedHashSet<>(List.of(get(id).id()));
        children(id).forEach(child -> subtree.addAll(subtree(child.id())));
        return subtree;
    }

    @Override
    public List<AdministrationGroup> ancestors(UUID id) {
        List<AdministrationGroup> ancestors = new ArrayList<>();
        for (UUID parent = get(id).parentId(); parent != null; parent = get(parent).parentId()) {
            ancestors.add(0, get(parent));
        }
        return ancestors;
    }

    @Override
    public AdministrationGroup create(UUID parentId, String name, Actor actor) {
        throw new UnsupportedOperationException("the benchmark's tree is fixed");
    }

    @Override
    public AdministrationGroup rename(UUID id, String name, Actor actor) {
        throw new UnsupportedOperationException("the benchmark's tree is fixed");
    }

    @Override
    public AdministrationGroup move(UUID id, UUID newParentId, Actor actor) {
        throw new UnsupportedOperationException("the benchmark's tree is fixed");
    }

    @Override
    public void delete(UUID id, GroupDeletion mode, Actor actor) {
        throw new UnsupportedOperationException("the benchmark's tree is fixed");
    }
}
