package org.garrison.policies.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.garrison.api.Actor;
import org.garrison.api.Cursor;
import org.garrison.api.Ids;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.audit.DeletedObjects;
import org.garrison.api.audit.ObjectRef;
import org.garrison.api.audit.ObjectRestorer;
import org.garrison.api.audit.RevisionHistory;
import org.garrison.api.device.Device;
import org.garrison.api.device.DeviceService;
import org.garrison.api.error.ConflictException;
import org.garrison.api.error.FieldError;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.group.GroupService;
import org.garrison.api.plugin.JsonSchemaValidator;
import org.garrison.api.plugin.PluginRegistry;
import org.garrison.api.policy.EffectivePolicy;
import org.garrison.api.policy.Policy;
import org.garrison.api.policy.PolicyDraft;
import org.garrison.api.policy.PolicyProfile;
import org.garrison.api.policy.PolicyQuery;
import org.garrison.api.policy.PolicyService;
import org.garrison.api.policy.PolicyState;
import org.garrison.api.store.MigratedSchema;
import org.garrison.api.store.SqlWork;
import org.garrison.api.store.Transactions;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Policies: checked against their application's settings schema and against the locks above them, stored with
 * their revision in one transaction, and merged into effective policies from a snapshot of the policies in force.
 *
 * <p>Every change first counts itself in the generation row: that queues concurrent changes one after the other (on
 * every server node sharing the database), so the "one active policy per group and application" rule is checked and
 * kept without races, and tells readers that their snapshot is outdated. Also restores policies for the revision
 * history and the deleted-objects registry.
 */
@Component(service = {PolicyService.class, ObjectRestorer.class, ApplicationPoliciesService.class},
        configurationPid = PoliciesConfig.PID)
@Designate(ocd = PoliciesConfig.class)
public class ApplicationPoliciesService implements PolicyService, ObjectRestorer {

    static final String CREATED = "created";
    static final String UPDATED = "updated";
    static final String ACTIVATED = "activated";
    static final String DEACTIVATED = "deactivated";
    static final String SET_OUT_OF_OFFICE = "set-out-of-office";

    /** What the configuration decides, replaced as a whole when it changes. */
    private record Limits(int maxProfiles, EffectivePolicies effective) {
    }

    private final Transactions transactions;
    private final RevisionHistory revisions;
    private final DeletedObjects deleted;
    private final DeviceService devices;
    private final Clock clock;
    private final PolicyJson json = new PolicyJson();
    private final PolicyRepository repository = new PolicyRepository(json);
    private final GroupPaths paths;
    private final PolicyChecks checks;
    private final Object reloading = new Object();
    private volatile Limits limits;
    private volatile InForcePolicies inForce;
    private final ChangeTags tags;

    @Activate
    public ApplicationPoliciesService(@Reference Transactions transactions, @Reference RevisionHistory revisions,
            @Reference DeletedObjects deleted, @Reference GroupService groups, @Reference DeviceService devices,
            @Reference(target = "(" + MigratedSchema.SCHEMA_PROPERTY + "=policies)") MigratedSchema schema,
            PoliciesConfig config) {
        this(transactions, revisions, deleted, groups, devices, config, Clock.systemUTC());
    }

    /**
     * For tests and benchmarks, which bring their own clock. (A factory, not a second public constructor of seven
     * arguments: Declarative Services would try that one too.)
     */
    public static ApplicationPoliciesService withClock(Transactions transactions, RevisionHistory revisions,
            DeletedObjects deleted, GroupService groups, DeviceService devices, PoliciesConfig config, Clock clock) {
        return new ApplicationPoliciesService(transactions, revisions, deleted, groups, devices, config, clock);
    }

    private ApplicationPoliciesService(Transactions transactions, RevisionHistory revisions, DeletedObjects deleted,
            GroupService groups, DeviceService devices, PoliciesConfig config, Clock clock) {
        this.transactions = transactions;
        this.revisions = revisions;
        this.deleted = deleted;
        this.devices = devices;
        this.clock = clock;
        this.paths = new GroupPaths(groups);
        this.checks = new PolicyChecks(paths, repository, json);
        this.tags = new ChangeTags(clock::millis);
        modified(config);
    }

    @Modified
    void modified(PoliciesConfig config) {
        limits = new Limits(config.maxProfilesPerPolicy(), new EffectivePolicies(new DevicePlacement(
                config.outsideNetworkLocations(), Duration.ofMinutes(Math.max(1,
                        config.offlineAfterMinutes())), clock), json));
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetPluginRegistry")
    public void setPluginRegistry(PluginRegistry plugins) {
        checks.registry().set(plugins);
    }

    public void unsetPluginRegistry(PluginRegistry plugins) {
        checks.registry().compareAndSet(plugins, null);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, unbind = "unsetSchemaValidator")
    public void setSchemaValidator(JsonSchemaValidator schemas) {
        checks.validator().set(schemas);
    }

    public void unsetSchemaValidator(JsonSchemaValidator schemas) {
        checks.validator().compareAndSet(schemas, null);
    }

    // ---- reading

    @Override
    public Policy get(UUID id) {
        return read(c -> find(c, id));
    }

    @Override
    public Page<Policy> list(PolicyQuery query, PageRequest page) {
        List<String> after = page.cursor() == null ? null : page.cursor().keys();
        if (after != null && (after.size() != 2 || after.get(1).length() != 36)) {
            throw new ValidationException("cursor", "belongs to another listing; start again without one");
        }
        Set<UUID> within = query.withinGroups();
        return read(c -> {
            long total = repository.countByGroup(c, query).entrySet().stream()
                    .filter(e -> within == null || within.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum();
            List<Policy> items = new ArrayList<>();
            List<String> position = after;
            int fetch = page.limit() + 1;
            while (items.size() <= page.limit()) {
                List<Policy> chunk = repository.page(c, query, position, fetch);
                chunk.stream().filter(p -> within == null || within.contains(p.groupId())).forEach(items::add);
                if (chunk.size() < fetch) {
                    break;
                }
                Policy last = chunk.get(chunk.size() - 1);
                position = List.of(PolicyRepository.nameKey(last.name()), last.id().toString());
            }
            String next = null;
            if (items.size() > page.limit()) {
                Policy last = items.get(page.limit() - 1);
                next = Cursor.after(PolicyRepository.nameKey(last.name()), last.id().toString()).encode();
                items = items.subList(0, page.limit());
            }
            return new Page<>(items, next, total);
        });
    }

    /** The group a policy is attached to; empty when there is no such policy. */
    Optional<UUID> groupOf(UUID id) {
        return read(c -> repository.groupOf(c, id));
    }

    /** The number of policies attached to each of the groups. */
    Map<UUID, Long> countByGroup(Set<UUID> groupIds) {
        return groupIds.isEmpty() ? Map.of() : read(c -> repository.countByGroup(c, groupIds));
    }

    /** The applications that have policies. */
    List<String> applications() {
        return read(repository::applications);
    }

    /** Every policy of an application, by name. */
    List<Policy> ofApplication(String application) {
        return read(c -> repository.ofApplication(c, application));
    }

    // ---- changing

    @Override
    public Policy create(PolicyDraft draft, Actor actor) {
        Objects.requireNonNull(draft, "draft");
        return change(c -> {
            PolicyDraftCheck.Checked checked = checks.fields(draft, limits.maxProfiles());
            PolicyChecks.Schema schema = checks.schemaOf(checked.application());
            checks.content(c, checked, schema);
            Instant now = now();
            Policy policy = new Policy(Ids.newId(), checked.application(), checked.groupId(), checked.name(),
                    checked.description(), checked.state(), checked.inheritFromParent(), checked.forceInheritance(),
                    checked.settings(), checked.lockedSettings(), checked.profiles(), 1, now, actor, now, actor,
                    List.of(), schema.version());
            vacate(c, policy, actor, now);
            repository.insert(c, policy);
            record(policy, CREATED, actor);
            return policy;
        });
    }

    @Override
    public Policy update(UUID id, PolicyDraft draft, Actor actor) {
        Objects.requireNonNull(draft, "draft");
        return change(c -> {
            Policy current = find(c, id);
            requireRevision(current, draft.expectedRevision());
            List<FieldError> errors = new ArrayList<>();
            if (draft.application() != null && !draft.application().equals(current.application())) {
                errors.add(new FieldError("application", "cannot be changed"));
            }
            if (draft.groupId() != null && !draft.groupId().equals(current.groupId())) {
                errors.add(new FieldError("groupId", "cannot be changed; create a policy in the other group instead"));
            }
            if (!errors.isEmpty()) {
                throw new ValidationException(errors);
            }
            PolicyDraft complete = new PolicyDraft(current.application(), current.groupId(), draft.name(),
                    draft.description(), draft.state(), draft.inheritFromParent(), draft.forceInheritance(),
                    draft.settings(), draft.lockedSettings(), draft.profiles(), null);
            return store(c, current, complete, actor);
        });
    }

    @Override
    public Policy changeState(UUID id, PolicyState state, Actor actor) {
        if (state == null) {
            throw new ValidationException("state", "is required");
        }
        return change(c -> {
            Policy current = find(c, id);
            if (current.state() == state) {
                return current;
            }
            Instant now = now();
            Policy changed = inState(current, state, now, actor);
            vacate(c, changed, actor, now);
            repository.update(c, changed);
            record(changed, stateAction(state), actor);
            return changed;
        });
    }

    @Override
    public void delete(UUID id, Actor actor) {
        change(c -> {
            Policy current = find(c, id);
            deleted.register(ref(id), current.name(), json.snapshot(current), actor);
            repository.delete(c, id);
            return null;
        });
    }

    @Override
    public Policy addProfile(UUID policyId, PolicyProfile profile, Integer position, Integer expectedRevision,
            Actor actor) {
        if (profile == null) {
            throw new ValidationException("", "a profile is required");
        }
        return editProfiles(policyId, expectedRevision, actor, profiles -> {
            int at = position == null ? profiles.size() : position;
            if (at < 0 || at > profiles.size()) {
                throw new ValidationException("position", "must be between 0 and " + profiles.size());
            }
            profiles.add(at, profile.id() == null ? profile.withId(Ids.newId()) : profile);
        });
    }

    @Override
    public Policy updateProfile(UUID policyId, UUID profileId, PolicyProfile profile, Integer expectedRevision,
            Actor actor) {
        if (profile == null) {
            throw new ValidationException("", "a profile is required");
        }
        return editProfiles(policyId, expectedRevision, actor,
                profiles -> profiles.set(indexOf(profiles, profileId), profile.withId(profileId)));
    }

    @Override
    public Policy deleteProfile(UUID policyId, UUID profileId, Integer expectedRevision, Actor actor) {
        return editProfiles(policyId, expectedRevision, actor, profiles -> profiles.remove(indexOf(profiles,
                profileId)));
    }

    private Policy editProfiles(UUID policyId, Integer expectedRevision, Actor actor,
            Consumer<List<PolicyProfile>> edit) {
        return change(c -> {
            Policy current = find(c, policyId);
            requireRevision(current, expectedRevision);
            List<PolicyProfile> profiles = new ArrayList<>(current.profiles());
            edit.accept(profiles);
            return store(c, current, PolicyDraft.of(current).withProfiles(profiles), actor);
        });
    }

    private static int indexOf(List<PolicyProfile> profiles, UUID profileId) {
        for (int i = 0; i < profiles.size(); i++) {
            if (profiles.get(i).id().equals(profileId)) {
                return i;
            }
        }
        throw new NotFoundException("Policy profile", profileId);
    }

    /**
     * Deletes the policies attached to groups that are being deleted, registering each in the deleted-objects
     * registry. Runs in the transaction deleting the groups.
     */
    void deleteInGroups(Set<UUID> groupIds, Actor actor) {
        change(c -> {
            for (Policy policy : repository.inGroups(c, groupIds)) {
                deleted.register(ref(policy.id()), policy.name(), json.snapshot(policy), actor);
                repository.delete(c, policy.id());
            }
            return null;
        });
    }

    // ---- effective policies

    @Override
    public EffectivePolicy effectiveForDevice(UUID deviceId, String application) {
        Device device = devices.get(deviceId);
        return effectiveForDevice(DeviceFacts.of(device, devices), application);
    }

    /** The effective policy of a device whose facts are known already. */
    public EffectivePolicy effectiveForDevice(DeviceFacts device, String application) {
        return limits.effective().forDevice(snapshot(), paths.path(device.groupId()), device, application);
    }

    @Override
    public List<EffectivePolicy> effectiveForDevice(UUID deviceId) {
        return effectiveForDevice(DeviceFacts.of(devices.get(deviceId), devices));
    }

    /** The effective policies of a device whose facts are known already, for every managed application. */
    public List<EffectivePolicy> effectiveForDevice(DeviceFacts device) {
        InForcePolicies snapshot = snapshot();
        List<UUID> path = paths.path(device.groupId());
        EffectivePolicies effective = limits.effective();
        return checks.managedApplications().stream()
                .map(application -> effective.forDevice(snapshot, path, device, application)).toList();
    }

    @Override
    public String changeTag() {
        return tags.tag(() -> read(repository::generation), checks.managedApplicationVersions());
    }

    @Override
    public EffectivePolicy effectiveForGroup(UUID groupId, String application, boolean outOfOffice) {
        return limits.effective().forGroup(snapshot(), paths.path(groupId), application, outOfOffice);
    }

    /**
     * The policies in force as stored now: the cached snapshot while no policy has changed since it was read (one
     * small query tells), else a fresh one.
     */
    public InForcePolicies snapshot() {
        long generation = read(repository::generation);
        InForcePolicies current = inForce;
        if (current != null && current.generation() == generation) {
            return current;
        }
        synchronized (reloading) {
            current = inForce;
            if (current == null || current.generation() < generation) {
                // the generation first: the policies read after it are at least that new
                current = read(c -> {
                    long at = repository.generation(c);
                    return new InForcePolicies(at, repository.inForce(c));
                });
                inForce = current;
            }
            return current;
        }
    }

    // ---- checking against the plugin's schema

    /**
     * Checks every policy of an application against the settings schema of its active plugin and records what it
     * finds, without changing the policies.
     *
     * @return the policies whose problems changed and that have problems now, as recorded; empty when the
     *         application has no active plugin with a settings schema
     */
    List<Policy> recheck(String application) {
        Optional<PolicyChecks.Schema> found = checks.activeSchema(application);
        if (found.isEmpty()) {
            return List.of();
        }
        PolicyChecks.Schema schema = found.get();
        List<Policy> newlyInvalid = new ArrayList<>();
        for (Policy listed : ofApplication(application)) {
            if (!paths.exists(listed.groupId())) {
                continue;
            }
            Policy rechecked = transactions.inTransaction(c -> {
                Policy policy = repository.find(c, listed.id()).orElse(null);
                if (policy == null) {
                    return null;
                }
                List<FieldError> problems = checks.problems(c, policy, schema);
                if (problems.equals(policy.problems()) && schema.version().equals(policy.checkedAgainst())) {
                    return null;
                }
                // recorded only for the revision checked: a change saved meanwhile was checked when it was saved
                boolean recorded = repository.setProblems(c, policy.id(), policy.revision(), problems,
                        schema.version());
                return !recorded || problems.isEmpty() || problems.equals(policy.problems()) ? null
                        : repository.find(c, policy.id()).orElse(null);
            });
            if (rechecked != null) {
                newlyInvalid.add(rechecked);
            }
        }
        return newlyInvalid;
    }

    // ---- restoring

    @Override
    public String objectType() {
        return OBJECT_TYPE;
    }

    @Override
    public String restoreRevision(ObjectRef object, String snapshot, Actor actor) {
        Policy recorded = json.snapshot(snapshot);
        return change(c -> {
            Policy current = repository.find(c, object.id()).orElseThrow(() -> new ConflictException(
                    "The policy \"" + recorded.name() + "\" no longer exists; restore it from the deleted objects"));
            if (!current.application().equals(recorded.application())
                    || !current.groupId().equals(recorded.groupId())) {
                throw new ConflictException("The recorded state belongs to another application or group");
            }
            PolicyDraft draft = restorable(c, recorded);
            PolicyDraftCheck.Checked checked = restorableContent(c, draft);
            Policy restored = withContent(current, checked, now(), actor, checkedVersion(checked));
            repository.update(c, restored);
            return json.snapshot(restored);
        });
    }

    @Override
    public String restoreDeleted(ObjectRef object, String snapshot, Actor actor) {
        Policy recorded = json.snapshot(snapshot);
        return change(c -> {
            if (repository.find(c, object.id()).isPresent()) {
                throw new ConflictException("The policy \"" + recorded.name() + "\" exists already");
            }
            if (!paths.exists(recorded.groupId())) {
                throw new ConflictException("The policy \"" + recorded.name() + "\" cannot be restored: its group "
                        + recorded.groupId() + " no longer exists. Restore the group first.");
            }
            PolicyDraft draft = restorable(c, recorded);
            PolicyDraftCheck.Checked checked = restorableContent(c, draft);
            Instant now = now();
            Policy restored = new Policy(object.id(), recorded.application(), recorded.groupId(), checked.name(),
                    checked.description(), checked.state(), checked.inheritFromParent(), checked.forceInheritance(),
                    checked.settings(), checked.lockedSettings(), checked.profiles(), recorded.revision() + 1,
                    recorded.createdAt(), recorded.createdBy(), now, actor, List.of(), checkedVersion(checked));
            repository.insert(c, restored);
            return json.snapshot(restored);
        });
    }

    /**
     * The recorded state as a draft; a recorded active or out-of-office state is kept only while no other policy
     * of the group holds it, so a restore never silently displaces another admin's choice.
     */
    private PolicyDraft restorable(Connection c, Policy recorded) throws SQLException {
        PolicyDraft draft = new PolicyDraft(recorded.application(), recorded.groupId(), recorded.name(),
                recorded.description(), recorded.state(), recorded.inheritFromParent(), recorded.forceInheritance(),
                recorded.settings(), recorded.lockedSettings(), recorded.profiles(), null);
        if (recorded.state() != PolicyState.INACTIVE && repository.holding(c, recorded.groupId(),
                recorded.application(), recorded.state(), recorded.id()).isPresent()) {
            return draft.withState(PolicyState.INACTIVE);
        }
        return draft;
    }

    private PolicyDraftCheck.Checked restorableContent(Connection c, PolicyDraft draft) throws SQLException {
        try {
            PolicyDraftCheck.Checked checked = checks.fields(draft, limits.maxProfiles());
            checks.content(c, checked, checks.schemaOf(checked.application()));
            return checked;
        } catch (ValidationException refused) {
            throw new ConflictException("The recorded policy cannot be restored as it is: " + refused.getMessage());
        }
    }

    private String checkedVersion(PolicyDraftCheck.Checked checked) {
        return checks.activeSchema(checked.application()).map(PolicyChecks.Schema::version).orElse(null);
    }

    // ---- helpers

    /** Checks and stores a new content of an existing policy, recording a revision. */
    private Policy store(Connection c, Policy current, PolicyDraft draft, Actor actor) throws SQLException {
        PolicyDraftCheck.Checked checked = checks.fields(draft, limits.maxProfiles());
        PolicyChecks.Schema schema = checks.schemaOf(checked.application());
        checks.content(c, checked, schema);
        Instant now = now();
        Policy updated = withContent(current, checked, now, actor, schema.version());
        vacate(c, updated, actor, now);
        repository.update(c, updated);
        record(updated, current.state() != updated.state() ? stateAction(updated.state()) : UPDATED, actor);
        return updated;
    }

    /** The policy with a new content, at its next revision, checked against the given plugin version. */
    private static Policy withContent(Policy current, PolicyDraftCheck.Checked content, Instant now, Actor actor,
            String checkedAgainst) {
        return new Policy(current.id(), current.application(), current.groupId(), content.name(),
                content.description(), content.state(), content.inheritFromParent(), content.forceInheritance(),
                content.settings(), content.lockedSettings(), content.profiles(), current.revision() + 1,
                current.createdAt(), current.createdBy(), now, actor, List.of(), checkedAgainst);
    }

    /** The policy, as it is, in another state at its next revision. */
    private static Policy inState(Policy current, PolicyState state, Instant now, Actor actor) {
        return new Policy(current.id(), current.application(), current.groupId(), current.name(),
                current.description(), state, current.inheritFromParent(), current.forceInheritance(),
                current.settings(), current.lockedSettings(), current.profiles(), current.revision() + 1,
                current.createdAt(), current.createdBy(), now, actor, current.problems(), current.checkedAgainst());
    }

    /**
     * Makes room for a policy entering the active or out-of-office state: the group's policy of the application in
     * that state becomes inactive, with its own revision.
     */
    private void vacate(Connection c, Policy entering, Actor actor, Instant now) throws SQLException {
        if (entering.state() == PolicyState.INACTIVE) {
            return;
        }
        Optional<Policy> holder = repository.holding(c, entering.groupId(), entering.application(),
                entering.state(), entering.id());
        if (holder.isPresent()) {
            Policy inactive = inState(holder.get(), PolicyState.INACTIVE, now, actor);
            repository.update(c, inactive);
            record(inactive, DEACTIVATED, actor);
        }
    }

    private static String stateAction(PolicyState state) {
        return switch (state) {
            case ACTIVE -> ACTIVATED;
            case INACTIVE -> DEACTIVATED;
            case OUT_OF_OFFICE -> SET_OUT_OF_OFFICE;
        };
    }

    private static void requireRevision(Policy current, Integer expected) {
        if (expected != null && expected != current.revision()) {
            throw new ConflictException("The policy \"" + current.name() + "\" has changed since revision " + expected
                    + " (it is at revision " + current.revision() + "); reload it and make your change again");
        }
    }

    private Policy find(Connection c, UUID id) throws SQLException {
        return repository.find(c, id).orElseThrow(() -> new NotFoundException("Policy", id));
    }

    /** Runs a change in a transaction that first counts itself in the generation row (see the class comment). */
    private <T> T change(SqlWork<T> work) {
        try {
            return transactions.inTransaction(c -> {
                repository.bumpGeneration(c);
                return work.apply(c);
            });
        } finally {
            // this node's own changes reach the next syncs at once
            tags.forget();
        }
    }

    private <T> T read(SqlWork<T> work) {
        return transactions.inTransaction(work);
    }

    private void record(Policy policy, String action, Actor actor) {
        revisions.record(ref(policy.id()), action, json.snapshot(policy), actor);
    }

    private static ObjectRef ref(UUID id) {
        return new ObjectRef(OBJECT_TYPE, id);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** The JSON forms of policies, for the shell. */
    PolicyJson json() {
        return json;
    }
}
