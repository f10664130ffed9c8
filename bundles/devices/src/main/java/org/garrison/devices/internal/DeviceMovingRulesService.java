package org.garrison.devices.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.Actor;
import org.garrison.api.Ids;
import org.garrison.api.audit.DeletedObjects;
import org.garrison.api.audit.ObjectRef;
import org.garrison.api.audit.ObjectRestorer;
import org.garrison.api.audit.RevisionHistory;
import org.garrison.api.device.Device;
import org.garrison.api.device.DeviceMovingRule;
import org.garrison.api.device.DeviceMovingRules;
import org.garrison.api.device.InstalledApplication;
import org.garrison.api.device.MovingRuleConditions;
import org.garrison.api.device.MovingRuleDraft;
import org.garrison.api.error.ConflictException;
import org.garrison.api.error.FieldError;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.group.AdministrationGroup;
import org.garrison.api.group.GroupDeviceSettingsService;
import org.garrison.api.group.GroupService;
import org.garrison.api.store.MigratedSchema;
import org.garrison.api.store.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The ordered device moving rules: their administration, and applying them to every device on demand (inventory
 * changes apply them to the reporting device, in {@link ManagedDevices}).
 */
@Component(service = {DeviceMovingRules.class, ObjectRestorer.class})
public class DeviceMovingRulesService implements DeviceMovingRules, ObjectRestorer {

    private static final int BATCH = 500;

    private final Transactions transactions;
    private final GroupService groups;
    private final RevisionHistory revisions;
    private final DeletedObjects deletedObjects;
    private final MovingRuleRepository rules = new MovingRuleRepository();
    private final MovingRuleEngine engine = new MovingRuleEngine(rules);
    private final DeviceRepository devices = new DeviceRepository();
    private final InventoryRepository inventory = new InventoryRepository();
    private final DeviceStatuses statuses;
    private final DeviceMoves moves;
    private final Clock clock;

    @Activate
    public DeviceMovingRulesService(@Reference Transactions transactions, @Reference GroupService groups,
            @Reference GroupDeviceSettingsService settings, @Reference RevisionHistory revisions,
            @Reference DeletedObjects deletedObjects, @Reference DeviceEvents events,
            @Reference(target = "(" + MigratedSchema.SCHEMA_PROPERTY + "=devices)") MigratedSchema schema) {
        this(transactions, groups, settings, revisions, deletedObjects, events, Clock.systemUTC());
    }

    DeviceMovingRulesService(Transactions transactions, GroupService groups, GroupDeviceSettingsService settings,
            RevisionHistory revisions, DeletedObjects deletedObjects, DeviceEvents events, Clock clock) {
        this.transactions = transactions;
        this.groups = groups;
        this.revisions = revisions;
        this.deletedObjects = deletedObjects;
        this.clock = clock;
        this.statuses = new DeviceStatuses(settings, devices, inventory, clock);
        this.moves = new DeviceMoves(devices, events);
    }

    @Override
    public List<DeviceMovingRule> list() {
        return transactions.inTransaction(rules::all);
    }

    @Override
    public DeviceMovingRule get(UUID id) {
        return transactions.inTransaction(c -> find(c, id));
    }

    private DeviceMovingRule find(Connection c, UUID id) throws SQLException {
        return rules.find(c, id).orElseThrow(() -> new NotFoundException("Device moving rule", id));
    }

    @Override
    public DeviceMovingRule create(MovingRuleDraft draft, Actor actor) {
        MovingRuleDraft checked = check(draft);
        Instant now = clock.instant();
        return transactions.inTransaction(c -> {
            DeviceMovingRule rule = new DeviceMovingRule(Ids.newId(), rules.nextPosition(c), checked.name(),
                    checked.enabled(), checked.targetGroupId(), checked.mode(), checked.unassignedOnly(),
                    checked.conditions(), now, now);
            rules.insert(c, rule);
            revisions.record(ref(rule.id()), "created", DeviceJson.write(draftOf(rule)), actor);
            return rule;
        });
    }

    @Override
    public DeviceMovingRule update(UUID id, MovingRuleDraft draft, Actor actor) {
        MovingRuleDraft checked = check(draft);
        return transactions.inTransaction(c -> {
            DeviceMovingRule current = find(c, id);
            DeviceMovingRule rule = new DeviceMovingRule(id, current.position(), checked.name(), checked.enabled(),
                    checked.targetGroupId(), checked.mode(), checked.unassignedOnly(), checked.conditions(),
                    current.createdAt(), clock.instant());
            rules.update(c, rule);
            revisions.record(ref(id), "updated", DeviceJson.write(draftOf(rule)), actor);
            return rule;
        });
    }

    @Override
    public void delete(UUID id, Actor actor) {
        transactions.runInTransaction(c -> {
            DeviceMovingRule rule = find(c, id);
            deletedObjects.register(ref(id), rule.name(), DeviceJson.write(draftOf(rule)), actor);
            rules.delete(c, id);
            List<UUID> order = new ArrayList<>();
            rules.all(c).forEach(r -> order.add(r.id()));
            rules.setPositions(c, order);
        });
    }

    @Override
    public List<DeviceMovingRule> reorder(List<UUID> ruleIds, Actor actor) {
        if (ruleIds == null || ruleIds.stream().anyMatch(java.util.Objects::isNull)) {
            throw new ValidationException("ruleIds", "is required and must not contain null");
        }
        return transactions.inTransaction(c -> {
            Set<UUID> current = new HashSet<>();
            rules.all(c).forEach(r -> current.add(r.id()));
            if (ruleIds.size() != current.size() || !current.equals(new HashSet<>(ruleIds))) {
                throw new ValidationException("ruleIds", "must list every moving rule exactly once ("
                        + current.size() + " rules)");
            }
            rules.setPositions(c, ruleIds);
            return rules.all(c);
        });
    }

    @Override
    public int run(Actor actor) {
        List<DeviceMovingRule> ordered = list();
        if (ordered.stream().noneMatch(DeviceMovingRule::enabled)) {
            return 0;
        }
        String after = "";
        int moved = 0;
        while (true) {
            String from = after;
            List<DeviceRepository.StatusRow> batch = transactions.inTransaction(
                    c -> devices.statusRows(c, from, BATCH));
            if (batch.isEmpty()) {
                return moved;
            }
            moved += transactions.inTransaction(c -> runBatch(c, ordered,
                    batch.stream().map(DeviceRepository.StatusRow::id).toList()));
            after = batch.get(batch.size() - 1).id().toString();
        }
    }

    private int runBatch(Connection c, List<DeviceMovingRule> ordered, List<UUID> ids) throws SQLException {
        Map<UUID, Device> loaded = devices.load(c, ids);
        Map<UUID, List<InstalledApplication>> applications = inventory.applications(c, ids, false);
        Map<UUID, List<UUID>> byTarget = new HashMap<>();
        Instant now = clock.instant();
        for (Device device : loaded.values()) {
            Set<String> installed = new HashSet<>();
            applications.getOrDefault(device.id(), List.of()).forEach(a -> installed.add(a.applicationId()));
            Optional<UUID> target = engine.apply(c, ordered, device, installed, now);
            target.ifPresent(group -> byTarget.computeIfAbsent(group, g -> new ArrayList<>()).add(device.id()));
        }
        int moved = 0;
        for (Map.Entry<UUID, List<UUID>> move : byTarget.entrySet()) {
            moved += moves.move(c, move.getValue(), move.getKey(), statuses, now);
        }
        return moved;
    }

    @Override
    public String objectType() {
        return OBJECT_TYPE;
    }

    @Override
    public String restoreRevision(ObjectRef object, String snapshot, Actor actor) {
        MovingRuleDraft draft = restorable(snapshot);
        return transactions.inTransaction(c -> {
            DeviceMovingRule current = rules.find(c, object.id()).orElseThrow(() -> new ConflictException(
                    "Device moving rule " + object.id() + " no longer exists; restore it from the deleted objects"));
            DeviceMovingRule rule = new DeviceMovingRule(current.id(), current.position(), draft.name(),
                    draft.enabled(), draft.targetGroupId(), draft.mode(), draft.unassignedOnly(), draft.conditions(),
                    current.createdAt(), clock.instant());
            rules.update(c, rule);
            return DeviceJson.write(draftOf(rule));
        });
    }

    @Override
    public String restoreDeleted(ObjectRef object, String snapshot, Actor actor) {
        MovingRuleDraft draft = restorable(snapshot);
        Instant now = clock.instant();
        return transactions.inTransaction(c -> {
            if (rules.find(c, object.id()).isPresent()) {
                throw new ConflictException("Device moving rule " + object.id() + " exists already");
            }
            DeviceMovingRule rule = new DeviceMovingRule(object.id(), rules.nextPosition(c), draft.name(),
                    draft.enabled(), draft.targetGroupId(), draft.mode(), draft.unassignedOnly(), draft.conditions(),
                    now, now);
            rules.insert(c, rule);
            return DeviceJson.write(draftOf(rule));
        });
    }

    /** A snapshot as a draft, refused with a conflict if it no longer makes a valid rule (e.g. its group is gone). */
    private MovingRuleDraft restorable(String snapshot) {
        try {
            return check(DeviceJson.draft(snapshot));
        } catch (ValidationException e) {
            throw new ConflictException("The rule cannot be restored: " + e.getMessage());
        }
    }

    private static MovingRuleDraft draftOf(DeviceMovingRule rule) {
        return new MovingRuleDraft(rule.name(), rule.enabled(), rule.targetGroupId(), rule.mode(),
                rule.unassignedOnly(), rule.conditions());
    }

    private static ObjectRef ref(UUID id) {
        return new ObjectRef(OBJECT_TYPE, id);
    }

    private MovingRuleDraft check(MovingRuleDraft draft) {
        List<FieldError> errors = new ArrayList<>();
        String name = draft.name() == null ? "" : draft.name().trim();
        if (name.isEmpty() || name.length() > 255) {
            errors.add(new FieldError("name", "must be 1 to 255 characters"));
        }
        if (draft.mode() == null) {
            errors.add(new FieldError("mode", "is required (ONCE or CONTINUOUS)"));
        }
        if (draft.targetGroupId() == null) {
            errors.add(new FieldError("targetGroupId", "is required"));
        } else if (AdministrationGroup.UNASSIGNED_DEVICES.equals(draft.targetGroupId())) {
            errors.add(new FieldError("targetGroupId", "cannot be Unassigned devices"));
        } else {
            try {
                groups.get(draft.targetGroupId());
            } catch (NotFoundException e) {
                errors.add(new FieldError("targetGroupId", "names no administration group"));
            }
        }
        MovingRuleConditions conditions = draft.conditions();
        if (conditions == null) {
            errors.add(new FieldError("conditions", "are required"));
        } else {
            checkConditions(conditions, errors);
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new MovingRuleDraft(name, draft.enabled(), draft.targetGroupId(), draft.mode(),
                draft.unassignedOnly(), conditions);
    }

    static void checkConditions(MovingRuleConditions conditions, List<FieldError> errors) {
        boolean any = !conditions.tags().isEmpty() || !conditions.ipv4Ranges().isEmpty()
                || !conditions.osTypes().isEmpty() || conditions.dnsNamePattern() != null
                || conditions.dnsDomainPattern() != null || conditions.osVersionPattern() != null
                || conditions.osArchitecture() != null || conditions.virtualMachine() != null
                || conditions.applicationInstalled() != null;
        if (!any) {
            errors.add(new FieldError("conditions", "must contain at least one condition"));
        }
        for (int i = 0; i < conditions.tags().size(); i++) {
            String tag = conditions.tags().get(i);
            if (tag == null || tag.isBlank() || tag.length() > InventoryCheck.MAX_TAG) {
                errors.add(new FieldError("conditions/tags/" + i, "must be 1 to " + InventoryCheck.MAX_TAG
                        + " characters"));
            }
        }
        for (int i = 0; i < conditions.ipv4Ranges().size(); i++) {
            try {
                Ipv4Range.parse(conditions.ipv4Ranges().get(i));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("conditions/ipv4Ranges/" + i,
                        "must be a CIDR range (10.1.0.0/16) or a from-to range (10.1.0.10-10.1.0.99)"));
            }
        }
        pattern("conditions/dnsNamePattern", conditions.dnsNamePattern(), errors);
        pattern("conditions/dnsDomainPattern", conditions.dnsDomainPattern(), errors);
        pattern("conditions/osVersionPattern", conditions.osVersionPattern(), errors);
        pattern("conditions/osArchitecture", conditions.osArchitecture(), errors);
        pattern("conditions/applicationInstalled", conditions.applicationInstalled(), errors);
    }

    private static void pattern(String field, String value, List<FieldError> errors) {
        if (value != null && (value.isBlank() || value.length() > 255)) {
            errors.add(new FieldError(field, "must be 1 to 255 characters"));
        }
    }
}
