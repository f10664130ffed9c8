package org.garrison.gateway.internal.enrollment;

import java.time.Instant;
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

/** A group tree in memory: the two built-in groups and whatever a test adds. Only what enrollment reads works. */
public final class FakeGroups implements GroupService {

    private static final Instant CREATED = Instant.parse("2026-01-01T00:00:00Z");

    private final Map<UUID, AdministrationGroup> groups = new LinkedHashMap<>();

    public FakeGroups() {
        groups.put(AdministrationGroup.MANAGED_DEVICES, new AdministrationGroup(AdministrationGroup.MANAGED_DEVICES,
                null, "Managed devices", CREATED, CREATED));
        groups.put(AdministrationGroup.UNASSIGNED_DEVICES, new AdministrationGroup(
                AdministrationGroup.UNASSIGNED_DEVICES, null, "Unassigned devices", CREATED, CREATED));
    }

    /** Adds a group under a parent and returns its id. */
    public UUID add(UUID parentId, String name) {
        UUID id = UUID.randomUUID();
        groups.put(id, new AdministrationGroup(id, parentId, name, CREATED, CREATED));
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
    public Set<UUID> subtree(UUID id) {
        get(id);
        Set<UUID> subtree = new LinkedHashSet<>();
        subtree.add(id);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (AdministrationGroup group : groups.values()) {
                if (group.parentId() != null && subtree.contains(group.parentId()) && subtree.add(group.id())) {
                    grew = true;
                }
            }
        }
        return subtree;
    }

    @Override
    public List<AdministrationGroup> children(UUID id) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<AdministrationGroup> ancestors(UUID id) {
        throw new UnsupportedOperationException();
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
