package org.garrison.groups.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.garrison.api.Actor;
import org.garrison.api.Ids;
import org.garrison.api.audit.DeletedObjects;
import org.garrison.api.audit.ObjectRef;
import org.garrison.api.audit.ObjectRestorer;
import org.garrison.api.audit.RevisionHistory;
import org.garrison.api.error.ConflictException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.group.EffectiveDeviceSettings;
import org.garrison.api.group.GroupDeletion;
import org.garrison.api.group.GroupDeviceSettings;
import org.garrison.api.group.GroupDeviceSettingsService;
import org.garrison.api.group.GroupMembers;
import org.garrison.api.group.GroupService;
import org.garrison.api.store.MigratedSchema;
import org.garrison.api.store.Transactions;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The administration-group tree and its device settings. Reads are answered from an immutable in-memory snapshot of
 * the tree, replaced after every change; changes are serialised, checked against that snapshot, written together
 * with their revision (or deleted-object entries) in one transaction. Also restores groups for the revision history
 * and the deleted-objects registry.
 */
@Component(service = {GroupService.class, GroupDeviceSettingsService.class, ObjectRestorer.class,
    AdministrationGroupsService.class})
public class AdministrationGroupsService implements GroupService, GroupDeviceSettingsService, ObjectRestorer {

    /** The kind of {@link GroupMembers} whose members the tree shows counts of. */
    static final String DEVICES = "devices";

    private static final String CREATED = "created";
    private static final String RENAMED = "renamed";
    private static final String MOVED = "moved";
    private static final String UPDATED = "updated";

    private final Transactions transactions;
    private final RevisionHistory revisions;
    private final DeletedObjects deleted;
    private final Clock clock;
    private final GroupJson json = new GroupJson();
    private final GroupRepository repository = new GroupRepository(json);
    private final InstalledMembers members = new InstalledMembers();
    private final ReentrantLock changes = new ReentrantLock();
    private volatile GroupTree tree;

    @Activate
    public AdministrationGroupsService(@Reference Transactions transactions, @Reference RevisionHistory revisions,
            @Reference DeletedObjects deleted, @Reference(target = "(garrison.schema=groups)") MigratedSchema schema) {
        this(transactions, revisions, deleted, Clock.systemUTC());
    }

    AdministrationGroupsService(Transactions transactions, RevisionHistory revisions, DeletedObjects deleted,
            Clock clock) {
        this.transactions = transactions;
        this.revisions = revisions;
        this.deleted = deleted;
        this.clock = clock;
        reload();
    }

    @Reference(service = GroupMembers.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC)
    void addMembers(ComponentServiceObjects<GroupMembers> groupMembers) {
        members.add(groupMembers);
    }

    void removeMembers(ComponentServiceObjects<GroupMembers> groupMembers) {
        members.remove(groupMembers);
    }

    // ---- reading the tree

    @Override
    public AdministrationGroup get(UUID id) {
        return tree.get(id);
    }

    @Override
    public List<AdministrationGroup> all() {
        return tree.all();
    }

    @Override
    public List<AdministrationGroup> children(UUID id) {
        return tree.children(id);
    }

    @Override
    public Set<UUID> subtree(UUID id) {
        return Collections.unmodifiableSet(tree.subtree(id));
    }

    @Override
    public List<AdministrationGroup> ancestors(UUID id) {
        return tree.ancestors(id);
    }

    /** The JSON forms of groups, as recorded in revisions. */
    GroupJson json() {
        return json;
    }

    /** The current snapshot of the tree, for views that need several questions answered consistently. */
    GroupTree tree() {
        return tree;
    }

    /** Device counts of every group of the given snapshot; zeros while no devices area is installed. */
    GroupCounts counts(GroupTree snapshot) {
        return new GroupCounts(snapshot, deviceCounts(snapshot));
    }

    /** Device counts of every group of the current tree. */
    public GroupCounts counts() {
        return counts(tree);
    }

    private Map<UUID, Long> deviceCounts(GroupTree snapshot) {
        Set<UUID> ids = snapshot.all().stream().map(AdministrationGroup::id).collect(Collectors.toSet());
        Map<UUID, Long> counts = new HashMap<>();
        members.forEach(groupMembers -> {
            if (DEVICES.equals(groupMembers.kind())) {
                groupMembers.countByGroup(ids).forEach((group, count) -> counts.merge(group, count, Long::sum));
            }
        });
        return counts;
    }

    // ---- changing the tree

    @Override
    public AdministrationGroup create(UUID parentId, String name, Actor actor) {
        String validName = GroupNames.validate("name", name);
        if (parentId == null) {
            throw new ValidationException("parentId", "is required");
        }
        return change(current -> {
            AdministrationGroup parent = current.get(parentId);
            if (AdministrationGroup.UNASSIGNED_DEVICES.equals(parent.id())) {
                throw new ValidationException("parentId",
                        "is \"" + parent.name() + "\", which cannot have subgroups");
            }
            requireFreeName(current, parent, validName, null);
            Instant now = now();
            AdministrationGroup group = new AdministrationGroup(Ids.newId(), parentId, validName, now, now);
            transactions.runInTransaction(connection -> {
                repository.insert(connection, group, null);
                record(group, null, CREATED, actor);
            });
            return group;
        });
    }

    @Override
    public AdministrationGroup rename(UUID id, String name, Actor actor) {
        String validName = GroupNames.validate("name", name);
        return change(current -> {
            AdministrationGroup group = current.get(id);
            if (group.builtIn()) {
                throw new ConflictException("The built-in group \"" + group.name() + "\" cannot be renamed");
            }
            if (group.name().equals(validName)) {
                return group;
            }
            requireFreeName(current, current.get(group.parentId()), validName, id);
            AdministrationGroup renamed = new AdministrationGroup(id, group.parentId(), validName,
                    group.createdAt(), now());
            transactions.runInTransaction(connection -> {
                repository.update(connection, renamed);
                record(renamed, current.settings(id), RENAMED, actor);
            });
            return renamed;
        });
    }

    @Override
    public AdministrationGroup move(UUID id, UUID newParentId, Actor actor) {
        if (newParentId == null) {
            throw new ValidationException("parentId", "is required");
        }
        return change(current -> {
            AdministrationGroup group = current.get(id);
            AdministrationGroup parent = current.get(newParentId);
            if (group.builtIn()) {
                throw new ConflictException("The built-in group \"" + group.name() + "\" cannot be moved");
            }
            if (AdministrationGroup.UNASSIGNED_DEVICES.equals(parent.id())) {
                throw new ValidationException("parentId",
                        "is \"" + parent.name() + "\", which cannot have subgroups");
            }
            if (current.subtree(id).contains(newParentId)) {
                throw new ConflictException("The group \"" + group.name()
                        + "\" cannot be moved under itself or one of its own subgroups (\"" + parent.name() + "\")");
            }
            if (newParentId.equals(group.parentId())) {
                return group;
            }
            requireFreeName(current, parent, group.name(), id);
            AdministrationGroup moved = new AdministrationGroup(id, newParentId, group.name(), group.createdAt(),
                    now());
            transactions.runInTransaction(connection -> {
                repository.update(connection, moved);
                record(moved, current.settings(id), MOVED, actor);
            });
            return moved;
        });
    }

    @Override
    public void delete(UUID id, GroupDeletion mode, Actor actor) {
        GroupDeletion how = mode == null ? GroupDeletion.EMPTY_ONLY : mode;
        change(current -> {
            AdministrationGroup group = current.get(id);
            if (group.builtIn()) {
                throw new ConflictException("The built-in group \"" + group.name() + "\" cannot be deleted");
            }
            Set<UUID> subtree = current.subtree(id);
            if (how == GroupDeletion.EMPTY_ONLY && subtree.size() > 1) {
                throw new ConflictException("The group \"" + group.name() + "\" has " + (subtree.size() - 1)
                        + " subgroup(s); delete them first, or delete with mode with-subgroups");
            }
            if (how != GroupDeletion.WITH_MEMBERS) {
                Map<String, Long> count = memberCounts(how == GroupDeletion.EMPTY_ONLY ? Set.of(id) : subtree);
                if (!count.isEmpty()) {
                    throw new ConflictException("The group \"" + group.name() + "\""
                            + (subtree.size() > 1 ? " and its subgroups still hold " : " still holds ")
                            + count.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                                    .collect(Collectors.joining(", "))
                            + "; move them elsewhere first, or delete with mode with-members");
                }
            }
            List<UUID> childrenFirst = new ArrayList<>(subtree);
            Collections.reverse(childrenFirst);
            transactions.runInTransaction(connection -> {
                if (how == GroupDeletion.WITH_MEMBERS) {
                    members.forEach(groupMembers -> groupMembers.release(subtree, actor));
                }
                for (UUID gone : childrenFirst) {
                    AdministrationGroup doomed = current.get(gone);
                    deleted.register(ref(gone), doomed.name(), json.snapshot(doomed, own(current, gone)), actor);
                }
                repository.delete(connection, childrenFirst);
            });
            return null;
        });
    }

    /** Members of every kind in the groups, by kind; kinds without members are left out. */
    private Map<String, Long> memberCounts(Set<UUID> groupIds) {
        Map<String, Long> counts = new LinkedHashMap<>();
        members.forEach(groupMembers -> {
            long count = groupMembers.countByGroup(groupIds).entrySet().stream()
                    .filter(e -> groupIds.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
            if (count > 0) {
                counts.merge(groupMembers.kind(), count, Long::sum);
            }
        });
        return counts;
    }

    // ---- device settings

    @Override
    public GroupDeviceSettings own(UUID groupId) {
        return own(tree, groupId);
    }

    @Override
    public GroupDeviceSettings update(UUID groupId, GroupDeviceSettings settings, Actor actor) {
        if (settings == null) {
            throw new ValidationException("", "the device settings are required");
        }
        return change(current -> {
            AdministrationGroup group = current.get(groupId);
            DeviceSettingsRules.validate(settings);
            transactions.runInTransaction(connection -> {
                repository.updateSettings(connection, groupId, settings);
                record(group, settings, UPDATED, actor);
            });
            return settings;
        });
    }

    @Override
    public EffectiveDeviceSettings effective(UUID groupId) {
        return DeviceSettingsRules.effective(tree.path(groupId));
    }

    // ---- restoring

    @Override
    public String objectType() {
        return AdministrationGroup.OBJECT_TYPE;
    }

    @Override
    public String restoreRevision(ObjectRef object, String snapshot, Actor actor) {
        GroupJson.Snapshot recorded = json.snapshot(snapshot);
        return change(current -> {
            AdministrationGroup group = current.find(object.id()).orElseThrow(() -> new ConflictException(
                    "The group \"" + recorded.name() + "\" no longer exists; restore it from the deleted objects"));
            AdministrationGroup restored = group;
            if (!group.builtIn()) {
                AdministrationGroup parent = formerParent(current, recorded);
                if (!parent.id().equals(group.parentId()) && current.subtree(group.id()).contains(parent.id())) {
                    throw new ConflictException("The group \"" + group.name() + "\" cannot go back under \""
                            + parent.name() + "\", which is now one of its own subgroups");
                }
                requireFreeName(current, parent, recorded.name(), group.id());
                if (!recorded.name().equals(group.name()) || !parent.id().equals(group.parentId())) {
                    restored = new AdministrationGroup(group.id(), parent.id(), recorded.name(), group.createdAt(),
                            now());
                }
            }
            AdministrationGroup result = restored;
            transactions.runInTransaction(connection -> {
                if (result != group) {
                    repository.update(connection, result);
                }
                repository.updateSettings(connection, group.id(), recorded.deviceSettings());
            });
            return json.snapshot(result, recorded.deviceSettings());
        });
    }

    @Override
    public String restoreDeleted(ObjectRef object, String snapshot, Actor actor) {
        GroupJson.Snapshot recorded = json.snapshot(snapshot);
        return change(current -> {
            if (current.find(object.id()).isPresent()) {
                throw new ConflictException("The group \"" + recorded.name() + "\" exists already");
            }
            AdministrationGroup parent = formerParent(current, recorded);
            requireFreeName(current, parent, recorded.name(), null);
            AdministrationGroup restored = new AdministrationGroup(object.id(), parent.id(), recorded.name(),
                    Instant.parse(recorded.createdAt()), now());
            transactions.runInTransaction(
                    connection -> repository.insert(connection, restored, recorded.deviceSettings()));
            return json.snapshot(restored, recorded.deviceSettings());
        });
    }

    private static AdministrationGroup formerParent(GroupTree current, GroupJson.Snapshot recorded) {
        if (recorded.parentId() == null || current.find(recorded.parentId()).isEmpty()) {
            throw new ConflictException("The group \"" + recorded.name() + "\" cannot be restored: its parent group "
                    + recorded.parentId() + " no longer exists. Restore the parent group first.");
        }
        AdministrationGroup parent = current.get(recorded.parentId());
        if (AdministrationGroup.UNASSIGNED_DEVICES.equals(parent.id())) {
            throw new ConflictException("\"" + parent.name() + "\" cannot have subgroups");
        }
        return parent;
    }

    // ---- helpers

    /**
     * Runs a change with the tree to itself, then takes a new snapshot of the tree once the surrounding transaction
     * has ended. Changes are serialised and checked against the tree as stored, not as cached: a change made inside
     * a caller's transaction (a restore) sees that transaction's state, and the cached tree is refreshed only after
     * it commits or rolls back, so readers never see a change that did not happen.
     */
    private <T> T change(Function<GroupTree, T> work) {
        changes.lock();
        try {
            reload();
            T result = work.apply(tree);
            transactions.afterCompletion(this::reload);
            return result;
        } finally {
            changes.unlock();
        }
    }

    private void reload() {
        tree = new GroupTree(transactions.inTransaction(repository::loadAll));
    }

    private static void requireFreeName(GroupTree current, AdministrationGroup parent, String name, UUID self) {
        current.childNamed(parent.id(), name).filter(sibling -> !sibling.id().equals(self)).ifPresent(sibling -> {
            throw new ConflictException("A group named \"" + sibling.name() + "\" exists already in \""
                    + parent.name() + "\"");
        });
    }

    private static GroupDeviceSettings own(GroupTree current, UUID groupId) {
        GroupDeviceSettings settings = current.settings(groupId);
        return settings == null ? DeviceSettingsRules.defaults(groupId) : settings;
    }

    private void record(AdministrationGroup group, GroupDeviceSettings settings, String action, Actor actor) {
        revisions.record(ref(group.id()), action,
                json.snapshot(group, settings == null ? DeviceSettingsRules.defaults(group.id()) : settings), actor);
    }

    private static ObjectRef ref(UUID id) {
        return new ObjectRef(AdministrationGroup.OBJECT_TYPE, id);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
