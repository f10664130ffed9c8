package org.garrison.groups.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.error.NotFoundException;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.group.GroupDeviceSettings;
import org.garrison.api.security.GroupScope;

/**
 * An immutable snapshot of the whole group tree with every group's own device settings, so that tree questions
 * (subtree, ancestors, sibling names) never need a query. A new snapshot replaces it after every change.
 */
final class GroupTree {

    static final String GROUP = "Administration group";

    private static final Comparator<AdministrationGroup> BY_NAME = Comparator
            .comparing((AdministrationGroup g) -> GroupNames.key(g.name()))
            .thenComparing(AdministrationGroup::name)
            .thenComparing(AdministrationGroup::id);

    /** One stored group: the group and its own settings ({@code null} while it has the defaults). */
    record Entry(AdministrationGroup group, GroupDeviceSettings settings) {
    }

    private final Map<UUID, Entry> byId;
    private final Map<UUID, List<AdministrationGroup>> children;
    private final List<AdministrationGroup> roots;
    private final List<AdministrationGroup> ordered;

    GroupTree(Collection<Entry> entries) {
        Map<UUID, Entry> ids = new HashMap<>();
        Map<UUID, List<AdministrationGroup>> kids = new HashMap<>();
        List<AdministrationGroup> tops = new ArrayList<>();
        for (Entry entry : entries) {
            ids.put(entry.group().id(), entry);
        }
        for (Entry entry : entries) {
            UUID parent = entry.group().parentId();
            if (parent == null || !ids.containsKey(parent)) {
                tops.add(entry.group());
            } else {
                kids.computeIfAbsent(parent, p -> new ArrayList<>()).add(entry.group());
            }
        }
        kids.replaceAll((id, list) -> list.stream().sorted(BY_NAME).toList());
        this.byId = Map.copyOf(ids);
        this.children = Map.copyOf(kids);
        this.roots = tops.stream().sorted(BY_NAME).toList();
        List<AdministrationGroup> all = new ArrayList<>(ids.size());
        for (AdministrationGroup root : roots) {
            collect(root, all);
        }
        this.ordered = List.copyOf(all);
    }

    private void collect(AdministrationGroup group, List<AdministrationGroup> into) {
        into.add(group);
        for (AdministrationGroup child : children.getOrDefault(group.id(), List.of())) {
            collect(child, into);
        }
    }

    Optional<AdministrationGroup> find(UUID id) {
        Entry entry = byId.get(id);
        return entry == null ? Optional.empty() : Optional.of(entry.group());
    }

    /** @throws NotFoundException if there is no such group */
    AdministrationGroup get(UUID id) {
        return entry(id).group();
    }

    /** The group's own settings, {@code null} while it has the defaults. */
    GroupDeviceSettings settings(UUID id) {
        return entry(id).settings();
    }

    private Entry entry(UUID id) {
        Entry entry = byId.get(id);
        if (entry == null) {
            throw new NotFoundException(GROUP, id);
        }
        return entry;
    }

    /** Every group, parents before their children, siblings by name. */
    List<AdministrationGroup> all() {
        return ordered;
    }

    List<AdministrationGroup> roots() {
        return roots;
    }

    /** @throws NotFoundException if there is no such group */
    List<AdministrationGroup> children(UUID id) {
        entry(id);
        return children.getOrDefault(id, List.of());
    }

    /** The group and every group below it, parents before children. */
    Set<UUID> subtree(UUID id) {
        entry(id);
        Set<UUID> result = new LinkedHashSet<>();
        Deque<UUID> pending = new ArrayDeque<>();
        pending.push(id);
        while (!pending.isEmpty()) {
            UUID next = pending.pop();
            result.add(next);
            List<AdministrationGroup> kids = children.getOrDefault(next, List.of());
            for (int i = kids.size() - 1; i >= 0; i--) {
                pending.push(kids.get(i).id());
            }
        }
        return result;
    }

    /** The ancestors from the top-level group down to the parent. */
    List<AdministrationGroup> ancestors(UUID id) {
        List<AdministrationGroup> path = new ArrayList<>();
        UUID parent = entry(id).group().parentId();
        while (parent != null && byId.containsKey(parent)) {
            AdministrationGroup group = byId.get(parent).group();
            path.add(0, group);
            parent = group.parentId();
        }
        return path;
    }

    /** The group's ancestors and the group itself, top-level group first, each with its own settings. */
    List<Entry> path(UUID id) {
        List<Entry> path = new ArrayList<>();
        for (AdministrationGroup ancestor : ancestors(id)) {
            path.add(byId.get(ancestor.id()));
        }
        path.add(entry(id));
        return path;
    }

    /** Whether the group lies within the scope: everywhere, or it is one of the scope's roots or below one. */
    boolean within(GroupScope scope, UUID id) {
        if (wholeServer(scope)) {
            return true;
        }
        if (scope.nowhere() || !byId.containsKey(id)) {
            return false;
        }
        for (UUID next = id; next != null && byId.containsKey(next); next = byId.get(next).group().parentId()) {
            if (scope.roots().contains(next)) {
                return true;
            }
        }
        return false;
    }

    /** Every group within the scope, parents before children; {@code null} when the scope is everywhere. */
    Set<UUID> within(GroupScope scope) {
        if (wholeServer(scope)) {
            return null;
        }
        Set<UUID> groups = new LinkedHashSet<>();
        for (AdministrationGroup top : tops(scope)) {
            groups.addAll(subtree(top.id()));
        }
        return groups;
    }

    /**
     * The groups a scoped caller sees at the top of the tree: the scope's roots that exist and lie below no other
     * of its roots, in tree order. Everywhere, the real top-level groups.
     */
    List<AdministrationGroup> tops(GroupScope scope) {
        if (wholeServer(scope)) {
            return roots;
        }
        List<AdministrationGroup> tops = new ArrayList<>();
        for (AdministrationGroup group : ordered) {
            if (scope.roots().contains(group.id()) && !belowAnotherRoot(scope, group)) {
                tops.add(group);
            }
        }
        return tops;
    }

    /** A grant on "Managed devices", the root of the tree, is a grant on the whole server. */
    private static boolean wholeServer(GroupScope scope) {
        return scope.everywhere() || scope.roots().contains(AdministrationGroup.MANAGED_DEVICES);
    }

    private boolean belowAnotherRoot(GroupScope scope, AdministrationGroup group) {
        for (AdministrationGroup ancestor : ancestors(group.id())) {
            if (scope.roots().contains(ancestor.id())) {
                return true;
            }
        }
        return false;
    }

    /** The sibling under the parent whose name equals the given one regardless of case, if any. */
    Optional<AdministrationGroup> childNamed(UUID parentId, String name) {
        String key = GroupNames.key(name);
        List<AdministrationGroup> siblings = parentId == null ? roots : children.getOrDefault(parentId, List.of());
        return siblings.stream().filter(g -> GroupNames.key(g.name()).equals(key)).findFirst();
    }
}
