package org.garrison.accounts.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.garrison.api.Actor;
import org.garrison.api.Ids;
import org.garrison.api.account.BuiltInRole;
import org.garrison.api.account.Role;
import org.garrison.api.account.RoleService;
import org.garrison.api.audit.DeletedObjects;
import org.garrison.api.audit.ObjectRef;
import org.garrison.api.audit.ObjectRestorer;
import org.garrison.api.audit.RevisionHistory;
import org.garrison.api.error.ConflictException;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.security.PermissionDefinition;
import org.garrison.api.security.PermissionProvider;
import org.garrison.api.security.Permissions;
import org.garrison.api.store.MigratedSchema;
import org.garrison.api.store.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Built-in and custom roles, and the permissions roles can be built from: the core ones plus those of every
 * {@link PermissionProvider} present. Built-in roles derive their permissions from that list each time, so a
 * plugin's permissions join them while the plugin is installed.
 */
@Component(service = {RoleService.class, RolesService.class, ObjectRestorer.class})
public class RolesService implements RoleService, ObjectRestorer {

    private static final Logger LOG = LoggerFactory.getLogger(RolesService.class);
    private static final int MAX_NAME = 100;
    private static final int MAX_DESCRIPTION = 1000;

    private final Transactions transactions;
    private final RevisionHistory revisions;
    private final DeletedObjects deleted;
    private final Clock clock;
    private final RoleRepository repository = new RoleRepository();
    private final Snapshots snapshots = new Snapshots();
    private final List<PermissionProvider> providers = new CopyOnWriteArrayList<>();

    @Activate
    public RolesService(@Reference Transactions transactions, @Reference RevisionHistory revisions,
            @Reference DeletedObjects deleted,
            @Reference(target = "(garrison.schema=accounts)") MigratedSchema schema) {
        this(transactions, revisions, deleted, Clock.systemUTC());
    }

    RolesService(Transactions transactions, RevisionHistory revisions, DeletedObjects deleted, Clock clock) {
        this.transactions = transactions;
        this.revisions = revisions;
        this.deleted = deleted;
        this.clock = clock;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addProvider(PermissionProvider provider) {
        providers.add(provider);
    }

    void removeProvider(PermissionProvider provider) {
        providers.remove(provider);
    }

    @Override
    public List<Role> all() {
        List<PermissionDefinition> known = permissions();
        List<Role> roles = new ArrayList<>(transactions.inTransaction(repository::all).stream()
                .map(stored -> role(stored, known)).toList());
        roles.sort(Comparator.comparing((Role role) -> !role.builtIn())
                .thenComparing(role -> role.builtIn() ? role.id().toString() : role.name().toLowerCase()));
        return roles;
    }

    @Override
    public Role get(UUID id) {
        return all().stream().filter(role -> role.id().equals(id)).findFirst()
                .orElseThrow(() -> new NotFoundException("Role", id));
    }

    /** The permissions of every role, by role id. */
    Map<UUID, Set<String>> permissionsByRole() {
        Map<UUID, Set<String>> byRole = new HashMap<>();
        all().forEach(role -> byRole.put(role.id(), role.permissions()));
        return byRole;
    }

    @Override
    public List<PermissionDefinition> permissions() {
        Map<String, PermissionDefinition> known = new LinkedHashMap<>();
        Permissions.CORE.forEach(definition -> known.put(definition.id(), definition));
        for (PermissionProvider provider : providers) {
            List<PermissionDefinition> contributed;
            try {
                contributed = provider.permissions();
            } catch (RuntimeException e) {
                LOG.warn("A permission provider failed to list its permissions; they are left out", e);
                continue;
            }
            for (PermissionDefinition definition : contributed) {
                if (known.putIfAbsent(definition.id(), definition) != null) {
                    LOG.debug("Permission {} is declared twice; the first declaration counts", definition.id());
                }
            }
        }
        return List.copyOf(known.values());
    }

    @Override
    public Role create(String name, String description, Set<String> permissions, Actor actor) {
        String validName = name(name);
        String validDescription = description(description);
        Set<String> validPermissions = validPermissions(permissions);
        return transactions.inTransaction(connection -> {
            requireFreeName(validName, null);
            RoleRepository.StoredRole role = new RoleRepository.StoredRole(Ids.newId(), validName, validDescription,
                    false, validPermissions);
            repository.insert(connection, role, now());
            revisions.record(ref(role.id()), "created", snapshot(role), actor);
            return role(role, permissions());
        });
    }

    @Override
    public Role update(UUID id, String name, String description, Set<String> permissions, Actor actor) {
        String validName = name(name);
        String validDescription = description(description);
        Set<String> validPermissions = validPermissions(permissions);
        return transactions.inTransaction(connection -> {
            Role existing = get(id);
            if (existing.builtIn()) {
                throw new ConflictException("The built-in role \"" + existing.name() + "\" cannot be changed");
            }
            requireFreeName(validName, id);
            RoleRepository.StoredRole role = new RoleRepository.StoredRole(id, validName, validDescription, false,
                    validPermissions);
            repository.update(connection, role, now());
            revisions.record(ref(id), "updated", snapshot(role), actor);
            return role(role, permissions());
        });
    }

    @Override
    public void delete(UUID id, Actor actor) {
        transactions.runInTransaction(connection -> {
            Role existing = get(id);
            if (existing.builtIn()) {
                throw new ConflictException("The built-in role \"" + existing.name() + "\" cannot be deleted");
            }
            long holders = repository.grantCount(connection, id);
            if (holders > 0) {
                throw new ConflictException("The role \"" + existing.name() + "\" is still granted to " + holders
                        + " account(s); remove it from them first");
            }
            deleted.register(ref(id), existing.name(), snapshots.role(id, existing.name(), existing.description(),
                    false, existing.permissions()), actor);
            repository.delete(connection, id);
        });
    }

    // ---- restoring from the revision history and the deleted objects

    @Override
    public String objectType() {
        return Snapshots.ROLE;
    }

    @Override
    public String restoreRevision(ObjectRef object, String snapshot, Actor actor) {
        Snapshots.RoleSnapshot recorded = snapshots.role(snapshot);
        return transactions.inTransaction(connection -> {
            Role existing = all().stream().filter(role -> role.id().equals(object.id())).findFirst()
                    .orElseThrow(() -> new ConflictException("The role \"" + recorded.name()
                            + "\" no longer exists; restore it from the deleted objects"));
            if (existing.builtIn()) {
                throw new ConflictException("The built-in role \"" + existing.name() + "\" cannot be changed");
            }
            RoleRepository.StoredRole restored = restorable(recorded, object.id());
            repository.update(connection, restored, now());
            return snapshot(restored);
        });
    }

    @Override
    public String restoreDeleted(ObjectRef object, String snapshot, Actor actor) {
        Snapshots.RoleSnapshot recorded = snapshots.role(snapshot);
        return transactions.inTransaction(connection -> {
            if (all().stream().anyMatch(role -> role.id().equals(object.id()))) {
                throw new ConflictException("The role \"" + recorded.name() + "\" exists already");
            }
            RoleRepository.StoredRole restored = restorable(recorded, object.id());
            repository.insert(connection, restored, now());
            return snapshot(restored);
        });
    }

    /** The recorded role, if its name is still free; permissions no longer known (a removed plugin's) are left out. */
    private RoleRepository.StoredRole restorable(Snapshots.RoleSnapshot recorded, UUID id) {
        requireFreeName(recorded.name(), id);
        Set<String> known = new TreeSet<>();
        permissions().forEach(definition -> known.add(definition.id()));
        Set<String> permissions = new TreeSet<>(recorded.permissions() == null ? Set.of() : recorded.permissions());
        permissions.retainAll(known);
        return new RoleRepository.StoredRole(id, recorded.name(),
                recorded.description() == null ? "" : recorded.description(), false, permissions);
    }

    private Role role(RoleRepository.StoredRole stored, List<PermissionDefinition> known) {
        if (!stored.builtIn()) {
            return new Role(stored.id(), stored.name(), stored.description(), false, stored.permissions());
        }
        BuiltInRole builtIn = builtIn(stored.id());
        Set<String> permissions = builtIn == null ? Set.of() : PermissionEvaluation.builtIn(builtIn, known);
        return new Role(stored.id(), stored.name(), stored.description(), true, permissions);
    }

    private static BuiltInRole builtIn(UUID id) {
        for (BuiltInRole role : BuiltInRole.values()) {
            if (role.id().equals(id)) {
                return role;
            }
        }
        return null;
    }

    private void requireFreeName(String name, UUID self) {
        all().stream().filter(role -> role.name().equalsIgnoreCase(name) && !role.id().equals(self)).findFirst()
                .ifPresent(role -> {
                    throw new ConflictException("A role named \"" + role.name() + "\" exists already");
                });
    }

    private static String name(String name) {
        String trimmed = name == null ? "" : name.strip();
        if (trimmed.isEmpty()) {
            throw new ValidationException("name", "is required");
        }
        if (trimmed.length() > MAX_NAME) {
            throw new ValidationException("name", "must have at most " + MAX_NAME + " characters");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw new ValidationException("name", "must not contain control characters");
        }
        return trimmed;
    }

    private static String description(String description) {
        String trimmed = description == null ? "" : description.strip();
        if (trimmed.length() > MAX_DESCRIPTION) {
            throw new ValidationException("description", "must have at most " + MAX_DESCRIPTION + " characters");
        }
        return trimmed;
    }

    private Set<String> validPermissions(Set<String> permissions) {
        Set<String> requested = permissions == null ? Set.of() : permissions;
        Set<String> known = new TreeSet<>();
        permissions().forEach(definition -> known.add(definition.id()));
        List<String> unknown = requested.stream().filter(p -> p == null || !known.contains(p)).map(String::valueOf)
                .sorted().toList();
        if (!unknown.isEmpty()) {
            throw new ValidationException("permissions", "names unknown permission(s): " + String.join(", ", unknown));
        }
        return new TreeSet<>(requested);
    }

    private String snapshot(RoleRepository.StoredRole role) {
        return snapshots.role(role.id(), role.name(), role.description(), role.builtIn(), role.permissions());
    }

    private static ObjectRef ref(UUID id) {
        return new ObjectRef(Snapshots.ROLE, id);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
