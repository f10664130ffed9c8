package org.garrison.tasks.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.Ids;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.group.GroupDeletion;
import org.garrison.api.group.GroupService;

/** The group tree, in memory: the two built-in groups and those a test adds. */
final class TestGroups implements GroupService {

    private final Map<UUID, AdministrationGroup> groups = Collections.synchronizedMap(new LinkedHashMap<>());

    TestGroups() {
        groups.put(AdministrationGroup.MANAGED_DEVICES, new AdministrationGroup(AdministrationGroup.MANAGED_DEVICES,
                null, "Managed devices", Instant.now(), Instant.now()));
        groups.put(AdministrationGroup.UNASSIGNED_DEVICES, new AdministrationGroup(
                AdministrationGroup.UNASSIGNED_DEVICES, null, "Unassigned devices", Instant.now(), Instant.now()));
    }

    UUID add(UUID parentId, String name) {
        UUID id = Ids.newId();
        groups.put(id, new AdministrationGroup(id, parentId, name, Instant.now(), Instant.now()));
        return id;
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
        get(id);
        return groups.values().stream().filter(g -> id.equals(g.parentId())).toList();
    }

    @Override
    public Set<UUID> subtree(UUID id) {
        Set<UUID> subtree = new LinkedHashSet<>();
        subtree.add(get(id).id());
        for (AdministrationGroup child : children(id)) {
            subtree.addAll(subtree(child.id()));
        }
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
        throw new UnsupportedOperationException();
    }

    @Override
    public AdministrationGroup rename(UUID id, String name, Actor actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public AdministrationGroup move(UUID id, UUID newParentId, Actor actor) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void delete(UUID id, GroupDeletion mode, Actor actor) {
        throw new UnsupportedOperationException();
    }
}
