package org.garrison.tasks.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.random.RandomGenerator;

import org.garrison.api.Actor;
import org.garrison.api.Cursor;
import org.garrison.api.Ids;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.audit.DeletedObjects;
import org.garrison.api.audit.ObjectRef;
import org.garrison.api.audit.ObjectRestorer;
import org.garrison.api.audit.RevisionHistory;
import org.garrison.api.device.DeviceService;
import org.garrison.api.error.ConflictException;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.error.ValidationException;
import org.garrison.api.group.GroupService;
import org.garrison.api.plugin.JsonSchemaValidator;
import org.garrison.api.plugin.TaskTypeDefinition;
import org.garrison.api.store.MigratedSchema;
import org.garrison.api.store.Transactions;
import org.garrison.api.task.DeviceRunState;
import org.garrison.api.task.Task;
import org.garrison.api.task.TaskDraft;
import org.garrison.api.task.TaskQuery;
import org.garrison.api.task.TaskRun;
import org.garrison.api.task.TaskRunDevice;
import org.garrison.api.task.TaskSchedule;
import org.garrison.api.task.TaskScope;
import org.garrison.api.task.TaskService;
import org.garrison.tasks.internal.schedule.Firing;
import org.garrison.tasks.internal.schedule.ScheduleRules;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * Tasks and their runs: checks every change against the task types, groups and devices as they are now, stores it
 * with its revision in one transaction, and hands runs to the {@link TaskEngine}. Also restores tasks for the
 * revision history and the deleted-objects registry.
 */
@Component(service = {TaskService.class, ObjectRestorer.class, TasksService.class})
public class TasksService implements TaskService, ObjectRestorer {

    private static final String CREATED = "created";
    private static final String UPDATED = "updated";

    private final Transactions transactions;
    private final RevisionHistory revisions;
    private final DeletedObjects deleted;
    private final TaskEngine engine;
    private final TaskTypeCatalog types;
    private final Clock clock;
    private final RandomGenerator random;
    private final TaskJson json = new TaskJson();
    private final TaskRepository tasks = new TaskRepository(json);
    private final RunRepository runs = new RunRepository(json);
    private final TaskValidation validation;

    /** The JSON Schema validator comes with the plugin platform, which may be updated while tasks stay up. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile JsonSchemaValidator validator;

    @Activate
    public TasksService(@Reference Transactions transactions, @Reference RevisionHistory revisions,
            @Reference DeletedObjects deleted, @Reference TaskEngine engine, @Reference TaskTypeCatalog types,
            @Reference GroupService groups, @Reference DeviceService devices,
            @Reference(target = "(garrison.schema=tasks)") MigratedSchema schema) {
        this(transactions, revisions, deleted, engine, types, groups, devices, Clock.systemUTC(),
                RandomGenerator.getDefault());
    }

    TasksService(Transactions transactions, RevisionHistory revisions, DeletedObjects deleted, TaskEngine engine,
            TaskTypeCatalog types, GroupService groups, DeviceService devices, Clock clock, RandomGenerator random) {
        this.transactions = transactions;
        this.revisions = revisions;
        this.deleted = deleted;
        this.engine = engine;
        this.types = types;
        this.clock = clock;
        this.random = random;
        this.validation = new TaskValidation(types, groups, devices, () -> validator, json);
    }

    // ---- task types

    @Override
    public List<TaskTypeDefinition> taskTypes() {
        return types.all();
    }

    @Override
    public Optional<TaskTypeDefinition> taskType(String application, String type) {
        return types.find(application, type);
    }

    // ---- tasks

    @Override
    public Page<Task> list(TaskQuery query, PageRequest page) {
        return list(query, TaskStatusFilter.ANY, page);
    }

    /** Tasks ordered by name (ignoring case), also filtered by whether they are enabled and scheduled. */
    public Page<Task> list(TaskQuery query, TaskStatusFilter status, PageRequest page) {
        String afterName = null;
        UUID afterId = null;
        if (page.cursor() != null) {
            List<String> keys = page.cursor().keys();
            if (keys.size() != 2) {
                throw badCursor();
            }
            afterName = keys.get(0);
            afterId = parseCursorId(keys.get(1));
        }
        String name = afterName;
        UUID id = afterId;
        return transactions.inTransaction(connection -> {
            List<StoredTask> found = tasks.list(connection, query, status, name, id, page.limit() + 1);
            long total = tasks.count(connection, query, status);
            List<Task> items = found.stream().limit(page.limit()).map(StoredTask::task).toList();
            String next = null;
            if (found.size() > page.limit()) {
                Task last = items.get(items.size() - 1);
                next = Cursor.after(TaskRepository.nameKey(last.name()), last.id().toString()).encode();
            }
            return new Page<>(items, next, total);
        });
    }

    @Override
    public Task get(UUID id) {
        return find(id).task();
    }

    /** The task with what decides who may reach it. */
    StoredTask find(UUID id) {
        return transactions.inTransaction(connection -> tasks.find(connection, id))
                .orElseThrow(() -> new NotFoundException("Task", id));
    }

    @Override
    public Task create(TaskDraft draft, Actor actor) {
        Instant now = now();
        TaskValidation.Checked checked = validation.check(draft, now, null);
        TaskSchedule schedule = ScheduleRules.normalise(draft.schedule(), now);
        NextTimes next = nextTimes(schedule, draft.enabled(), checked.type(), now);
        Task task = new Task(Ids.newId(), draft.name().strip(), draft.application(), draft.type(), draft.parameters(),
                checked.type().runsOnDevices() ? draft.scope() : null, schedule, draft.enabled(), 1, now, actor, now,
                actor, next.runAt(), null);
        transactions.runInTransaction(connection -> {
            tasks.insert(connection, new StoredTask(task, checked.scopeGroupId(), next.fireAt(), null));
            revisions.record(ref(task.id()), CREATED, json.snapshot(task), actor);
            transactions.afterCompletion(engine::wake);
        });
        return task;
    }

    @Override
    public Task update(UUID id, TaskDraft draft, int expectedRevision, Actor actor) {
        return transactions.inTransaction(connection -> {
            StoredTask stored = tasks.find(connection, id).orElseThrow(() -> new NotFoundException("Task", id));
            if (stored.task().revision() != expectedRevision) {
                throw new ConflictException("The task \"" + stored.task().name() + "\" was changed meanwhile (it is "
                        + "at revision " + stored.task().revision() + ", not " + expectedRevision + "); read it "
                        + "again and make your change on that");
            }
            Task changed = replace(stored, draft, actor);
            revisions.record(ref(id), UPDATED, json.snapshot(changed), actor);
            return changed;
        });
    }

    /** Replaces what an admin sets, checked; the caller records the revision. */
    private Task replace(StoredTask stored, TaskDraft draft, Actor actor) {
        Instant now = now();
        Task previous = stored.task();
        TaskValidation.Checked checked = validation.check(draft, now, previous);
        TaskSchedule schedule = draft.schedule().equals(previous.schedule()) ? previous.schedule()
                : ScheduleRules.normalise(draft.schedule(), now);
        NextTimes next = schedule.equals(previous.schedule()) && draft.enabled() == previous.enabled()
                ? new NextTimes(stored.nextFireAt(), previous.nextRunAt())
                : nextTimes(schedule, draft.enabled(), checked.type(), now);
        Task changed = new Task(previous.id(), draft.name().strip(), previous.application(), previous.type(),
                draft.parameters(), checked.type().runsOnDevices() ? draft.scope() : null, schedule, draft.enabled(),
                previous.revision() + 1, previous.createdAt(), previous.createdBy(), now, actor, next.runAt(),
                previous.lastRunId());
        transactions.runInTransaction(connection -> {
            tasks.update(connection, new StoredTask(changed, checked.scopeGroupId(), next.fireAt(),
                    stored.serverRunId()));
            transactions.afterCompletion(engine::wake);
        });
        return changed;
    }

    @Override
    public void delete(UUID id, Actor actor) {
        transactions.runInTransaction(connection -> {
            StoredTask stored = tasks.find(connection, id).orElseThrow(() -> new NotFoundException("Task", id));
            engine.endRunsOf(connection, id, "The task was deleted");
            runs.deleteRuns(connection, id);
            tasks.delete(connection, id);
            deleted.register(ref(id), stored.task().name(), json.snapshot(stored.task()), actor);
        });
    }

    // ---- runs

    @Override
    public TaskRun start(UUID taskId, Actor actor) {
        return engine.start(taskId, actor);
    }

    @Override
    public Page<TaskRun> runs(UUID taskId, PageRequest page) {
        Instant afterStartedAt = null;
        UUID afterId = null;
        if (page.cursor() != null) {
            List<String> keys = page.cursor().keys();
            if (keys.size() != 2) {
                throw badCursor();
            }
            try {
                afterStartedAt = Instant.parse(keys.get(0));
            } catch (java.time.format.DateTimeParseException e) {
                throw badCursor();
            }
            afterId = parseCursorId(keys.get(1));
        }
        Instant startedAt = afterStartedAt;
        UUID id = afterId;
        return transactions.inTransaction(connection -> {
            tasks.find(connection, taskId).orElseThrow(() -> new NotFoundException("Task", taskId));
            List<StoredRun> found = runs.runs(connection, taskId, startedAt, id, page.limit() + 1);
            List<StoredRun> items = found.stream().limit(page.limit()).toList();
            Map<UUID, Map<String, Integer>> counts = runs.counts(connection,
                    items.stream().map(StoredRun::id).toList());
            String next = null;
            if (found.size() > page.limit()) {
                StoredRun last = items.get(items.size() - 1);
                next = Cursor.after(last.startedAt().toString(), last.id().toString()).encode();
            }
            return new Page<>(items.stream().map(run -> run.view(counts.getOrDefault(run.id(), Map.of()))).toList(),
                    next, runs.countRuns(connection, taskId));
        });
    }

    /** The runs with these ids that still exist, with their devices' counts, by id. */
    public Map<UUID, TaskRun> runsById(Collection<UUID> runIds) {
        if (runIds.isEmpty()) {
            return Map.of();
        }
        return transactions.inTransaction(connection -> {
            List<StoredRun> found = runs.findAll(connection, runIds);
            Map<UUID, Map<String, Integer>> counts = runs.counts(connection,
                    found.stream().map(StoredRun::id).toList());
            Map<UUID, TaskRun> views = new HashMap<>();
            found.forEach(run -> views.put(run.id(), run.view(counts.getOrDefault(run.id(), Map.of()))));
            return views;
        });
    }

    @Override
    public TaskRun run(UUID taskId, UUID runId) {
        requireRun(taskId, runId);
        return engine.view(runId);
    }

    @Override
    public Page<TaskRunDevice> devices(UUID taskId, UUID runId, DeviceRunState state, PageRequest page) {
        long position = page.cursor() == null ? 0 : positionCursor(page);
        requireRun(taskId, runId);
        return transactions.inTransaction(connection -> {
            List<RunRepository.Positioned> found = runs.targets(connection, runId, state, position,
                    page.limit() + 1);
            List<RunRepository.Positioned> items = found.stream().limit(page.limit()).toList();
            String next = found.size() > page.limit()
                    ? Cursor.after(Long.toString(items.get(items.size() - 1).position())).encode() : null;
            return new Page<>(items.stream().map(RunRepository.Positioned::device).toList(), next,
                    runs.countTargets(connection, runId, state));
        });
    }

    /**
     * A device's entries in runs, newest first, with the total count; a device that never was in a run has none.
     *
     * @param state only entries in this state, or {@code null} for all
     */
    public Page<DeviceTaskRun> deviceRuns(UUID deviceId, DeviceRunState state, PageRequest page) {
        Long before = page.cursor() == null ? null : positionCursor(page);
        return transactions.inTransaction(connection -> {
            List<RunRepository.PositionedDeviceRun> found = runs.deviceRuns(connection, deviceId, state, before,
                    page.limit() + 1);
            List<RunRepository.PositionedDeviceRun> items = found.stream().limit(page.limit()).toList();
            String next = found.size() > page.limit()
                    ? Cursor.after(Long.toString(items.get(items.size() - 1).position())).encode() : null;
            return new Page<>(items.stream().map(RunRepository.PositionedDeviceRun::run).toList(), next,
                    runs.countDeviceRuns(connection, deviceId, state));
        });
    }

    @Override
    public TaskRun cancel(UUID taskId, UUID runId, Actor actor) {
        requireRun(taskId, runId);
        return engine.cancel(taskId, runId, actor);
    }

    private void requireRun(UUID taskId, UUID runId) {
        transactions.inTransaction(connection -> runs.find(connection, runId))
                .filter(run -> run.taskId().equals(taskId))
                .orElseThrow(() -> new NotFoundException("Run", runId));
    }

    // ---- restoring

    @Override
    public String objectType() {
        return Task.OBJECT_TYPE;
    }

    @Override
    public String restoreRevision(ObjectRef object, String snapshot, Actor actor) {
        TaskJson.Snapshot recorded = json.snapshot(snapshot);
        return transactions.inTransaction(connection -> {
            StoredTask stored = tasks.find(connection, object.id()).orElseThrow(() -> new ConflictException(
                    "The task \"" + recorded.name() + "\" no longer exists; restore it from the deleted objects"));
            Task restored = restorable(() -> replace(stored, draft(recorded), actor));
            return json.snapshot(restored);
        });
    }

    @Override
    public String restoreDeleted(ObjectRef object, String snapshot, Actor actor) {
        TaskJson.Snapshot recorded = json.snapshot(snapshot);
        return transactions.inTransaction(connection -> {
            if (tasks.find(connection, object.id()).isPresent()) {
                throw new ConflictException("The task \"" + recorded.name() + "\" exists already");
            }
            Instant now = now();
            TaskDraft draft = draft(recorded);
            TaskValidation.Checked checked = restorable(() -> validation.check(draft, now, null));
            NextTimes next = nextTimes(draft.schedule(), draft.enabled(), checked.type(), now);
            Task task = new Task(object.id(), draft.name().strip(), draft.application(), draft.type(),
                    draft.parameters(), checked.type().runsOnDevices() ? draft.scope() : null, draft.schedule(),
                    draft.enabled(), 1, now, actor, now, actor, next.runAt(), null);
            tasks.insert(connection, new StoredTask(task, checked.scopeGroupId(), next.fireAt(), null));
            transactions.afterCompletion(engine::wake);
            return json.snapshot(task);
        });
    }

    private static TaskDraft draft(TaskJson.Snapshot recorded) {
        TaskScope scope = recorded.groupId() != null ? TaskScope.group(recorded.groupId())
                : recorded.deviceIds() != null ? TaskScope.devices(recorded.deviceIds()) : null;
        return new TaskDraft(recorded.name(), recorded.application(), recorded.type(), recorded.parameters(), scope,
                recorded.schedule(), recorded.enabled());
    }

    /** What the revision history and the deleted-objects registry expect when a recorded state no longer fits. */
    private static <T> T restorable(java.util.function.Supplier<T> restore) {
        try {
            return restore.get();
        } catch (ValidationException e) {
            throw new ConflictException("The recorded task no longer fits the server as it is now: "
                    + e.getMessage());
        } catch (ValidatorUnavailableException e) {
            throw new ConflictException(e.getMessage());
        }
    }

    // ---- helpers

    /**
     * When a task starts next.
     *
     * @param fireAt the schedule's next time, or {@code null}
     * @param runAt  when that start is due, or {@code null}
     */
    private record NextTimes(Instant fireAt, Instant runAt) {
    }

    private NextTimes nextTimes(TaskSchedule schedule, boolean enabled, TaskTypeDefinition type, Instant now) {
        if (!enabled) {
            return new NextTimes(null, null);
        }
        Optional<Instant> nominal = ScheduleRules.next(schedule, now);
        if (nominal.isEmpty()) {
            return new NextTimes(null, null);
        }
        Instant runAt = type.runsOnDevices() ? nominal.get()
                : nominal.get().plus(Firing.randomDelay(schedule, random));
        return new NextTimes(nominal.get(), runAt);
    }

    private static ObjectRef ref(UUID id) {
        return new ObjectRef(Task.OBJECT_TYPE, id);
    }

    private static UUID parseCursorId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw badCursor();
        }
    }

    /** The position a cursor of a listing ordered by a row number carries. */
    private static long positionCursor(PageRequest page) {
        if (page.cursor().keys().size() != 1) {
            throw badCursor();
        }
        try {
            return Long.parseLong(page.cursor().keys().get(0));
        } catch (NumberFormatException e) {
            throw badCursor();
        }
    }

    private static ValidationException badCursor() {
        return new ValidationException("cursor", "belongs to another listing; start again without one");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
