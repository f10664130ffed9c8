package org.garrison.gateway.internal.appdata;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.garrison.api.agent.ApplicationData;
import org.garrison.api.agent.ApplicationDataHandler;
import org.garrison.api.store.MigratedSchema;
import org.garrison.api.store.Transactions;
import org.garrison.gateway.internal.server.AgentJson;
import org.garrison.gateway.internal.server.GatewayConfig;
import org.garrison.gateway.internal.server.GatewaySettings;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands the application-data inbox to the plugins' {@link ApplicationDataHandler}s, on its own thread: per
 * application, oldest first, one device's run of rows per transaction, which also deletes them, so what a handler
 * writes through the same transaction happens exactly once. A handler that throws is offered the same data again
 * after a growing pause (logged once per series of failures). Data of an application without a handler waits, and
 * is deleted after the retention period by a daily job.
 */
@Component(service = ApplicationDataDispatcher.class, configurationPid = GatewayConfig.PID)
public class ApplicationDataDispatcher {

    /** Rows read per query. */
    static final int READ_BATCH = 200;

    /** Rows handed over in one call (and one transaction) at most. */
    static final int HANDLE_BATCH = 100;

    static final Duration FIRST_BACK_OFF = Duration.ofSeconds(5);
    static final Duration MAX_BACK_OFF = Duration.ofMinutes(10);

    /** How often the inbox is looked at without a nudge (data other server nodes received, back-offs ending). */
    static final long POLL_SECONDS = 30;

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationDataDispatcher.class);

    private final Transactions transactions;
    private final ApplicationDataRepository repository = new ApplicationDataRepository(new AgentJson());
    private final Clock clock;
    private final Map<String, ApplicationDataHandler> handlers = new ConcurrentHashMap<>();
    private final Map<String, BackOff> backOffs = new ConcurrentHashMap<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "garrison-gateway-application-data");
        thread.setDaemon(true);
        return thread;
    });
    private volatile int retentionDays;
    /** Whether nudges start a dispatch on the dispatcher's thread; tests dispatch on theirs. */
    private volatile boolean background;

    @Activate
    public ApplicationDataDispatcher(@Reference Transactions transactions,
            @Reference(target = "(garrison.schema=gateway)") MigratedSchema schema, GatewayConfig config) {
        this(transactions, GatewaySettings.of(config).applicationDataRetentionDays(), Clock.systemUTC());
        background = true;
        executor.scheduleWithFixedDelay(this::dispatchSafely, POLL_SECONDS, POLL_SECONDS, TimeUnit.SECONDS);
        executor.scheduleWithFixedDelay(this::purgeSafely, 1, 24 * 60, TimeUnit.MINUTES);
    }

    ApplicationDataDispatcher(Transactions transactions, int retentionDays, Clock clock) {
        this.transactions = transactions;
        this.retentionDays = retentionDays;
        this.clock = clock;
    }

    @Modified
    void modified(GatewayConfig config) {
        retentionDays = GatewaySettings.of(config).applicationDataRetentionDays();
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            unbind = "removeHandler")
    public void addHandler(ApplicationDataHandler handler, Map<String, Object> properties) {
        Object application = properties.get(ApplicationDataHandler.APPLICATION);
        if (!(application instanceof String id) || id.isBlank()) {
            LOG.warn("Application data handler {} has no {} property; it is ignored", handler.getClass().getName(),
                    ApplicationDataHandler.APPLICATION);
            return;
        }
        ApplicationDataHandler previous = handlers.putIfAbsent(id, handler);
        if (previous != null) {
            LOG.warn("Application data handler {} for {} is ignored: {} handles it already",
                    handler.getClass().getName(), id, previous.getClass().getName());
            return;
        }
        backOffs.remove(id);
        nudge();
    }

    public void removeHandler(ApplicationDataHandler handler, Map<String, Object> properties) {
        Object application = properties.get(ApplicationDataHandler.APPLICATION);
        if (application instanceof String id) {
            handlers.remove(id, handler);
        }
    }

    /** Asks for a dispatch soon (new data was committed, or a handler appeared). Cheap; calls coalesce. */
    public void nudge() {
        if (background && scheduled.compareAndSet(false, true)) {
            try {
                executor.execute(() -> {
                    scheduled.set(false);
                    dispatchSafely();
                });
            } catch (RejectedExecutionException e) {
                scheduled.set(false);
            }
        }
    }

    private void dispatchSafely() {
        try {
            dispatch();
        } catch (RuntimeException e) {
            LOG.warn("Could not read the application data inbox; trying again in {} s", POLL_SECONDS, e);
        }
    }

    private void purgeSafely() {
        try {
            purgeUnhandled();
        } catch (RuntimeException e) {
            LOG.warn("Could not delete expired application data; trying again tomorrow", e);
        }
    }

    /**
     * Hands over everything waiting for the applications that have a handler and are not pausing after a failure.
     *
     * @return how many rows were handed over
     */
    int dispatch() {
        int handed = 0;
        List<String> waiting = transactions.inTransaction(repository::applications);
        for (String application : waiting) {
            ApplicationDataHandler handler = handlers.get(application);
            BackOff backOff = backOffs.get(application);
            if (handler == null || backOff != null && clock.instant().isBefore(backOff.until())) {
                continue;
            }
            handed += dispatch(application, handler);
        }
        return handed;
    }

    private int dispatch(String application, ApplicationDataHandler handler) {
        int handed = 0;
        while (true) {
            List<InboxRow> rows = transactions.inTransaction(c -> repository.oldest(c, application, READ_BATCH));
            if (rows.isEmpty()) {
                return handed;
            }
            for (List<InboxRow> run : runsByDevice(rows)) {
                try {
                    handed += handOver(handler, run);
                } catch (RuntimeException e) {
                    failed(application, handler, e);
                    return handed;
                }
            }
            BackOff ended = backOffs.remove(application);
            if (ended != null) {
                LOG.info("The application data handler of {} works again after {} failures", application,
                        ended.failures());
            }
        }
    }

    /** Consecutive rows of one device, at most {@value #HANDLE_BATCH} each, in the order received. */
    static List<List<InboxRow>> runsByDevice(List<InboxRow> rows) {
        List<List<InboxRow>> runs = new ArrayList<>();
        List<InboxRow> run = new ArrayList<>();
        for (InboxRow row : rows) {
            if (!run.isEmpty() && (!run.get(0).deviceId().equals(row.deviceId()) || run.size() == HANDLE_BATCH)) {
                runs.add(run);
                run = new ArrayList<>();
            }
            run.add(row);
        }
        if (!run.isEmpty()) {
            runs.add(run);
        }
        return runs;
    }

    /**
     * Deletes the rows and hands them over in one transaction. Deleting first makes the hand-over exactly once
     * across server nodes: a node that finds the rows gone (another took them) hands nothing over.
     */
    private int handOver(ApplicationDataHandler handler, List<InboxRow> run) {
        UUID deviceId = run.get(0).deviceId();
        List<Long> ids = run.stream().map(InboxRow::id).toList();
        List<ApplicationData> data = run.stream().map(InboxRow::data).toList();
        return transactions.inTransaction(connection -> {
            if (repository.delete(connection, ids) != ids.size()) {
                throw new TakenElsewhere();
            }
            handler.handle(deviceId, data);
            return ids.size();
        });
    }

    private void failed(String application, ApplicationDataHandler handler, RuntimeException e) {
        if (e instanceof TakenElsewhere) {
            return;
        }
        BackOff previous = backOffs.get(application);
        Duration pause = previous == null ? FIRST_BACK_OFF
                : previous.pause().multipliedBy(2).compareTo(MAX_BACK_OFF) > 0 ? MAX_BACK_OFF
                        : previous.pause().multipliedBy(2);
        BackOff next = new BackOff(previous == null ? 1 : previous.failures() + 1, pause,
                clock.instant().plus(pause));
        backOffs.put(application, next);
        if (previous == null) {
            LOG.warn("The application data handler of {} ({}) failed; its data stays in the inbox and is offered "
                    + "again with growing pauses (up to {} minutes), without logging each failure",
                    application, handler.getClass().getName(), MAX_BACK_OFF.toMinutes(), e);
        } else {
            LOG.debug("The application data handler of {} failed again ({} failures)", application,
                    next.failures(), e);
        }
    }

    /**
     * Deletes data older than the retention period of applications without a handler, with one warning per
     * application.
     *
     * @return how many rows were deleted
     */
    int purgeUnhandled() {
        Instant cutoff = clock.instant().minus(retentionDays, ChronoUnit.DAYS);
        Map<String, Integer> old = transactions.inTransaction(c -> repository.receivedBefore(c, cutoff));
        int deleted = 0;
        for (String application : old.keySet()) {
            if (handlers.containsKey(application)) {
                continue;
            }
            int count = transactions.inTransaction(c -> repository.deleteReceivedBefore(c, application, cutoff));
            deleted += count;
            if (count > 0) {
                LOG.warn("Deleted {} application data reports of {} older than {} days: no plugin handles that "
                        + "application", count, application, retentionDays);
            }
        }
        return deleted;
    }

    /** Whether an application's handler is pausing after failures (for tests and diagnostics). */
    boolean pausing(String application) {
        return backOffs.containsKey(application);
    }

    /**
     * @param failures how many times in a row it failed
     * @param pause    the current pause
     * @param until    when it is offered data again
     */
    private record BackOff(int failures, Duration pause, Instant until) {
    }

    /** Another server node handed the rows over first; not a failure of the handler. */
    private static final class TakenElsewhere extends RuntimeException {

        private static final long serialVersionUID = 1L;

        TakenElsewhere() {
            super("taken by another node", null, false, false);
        }
    }
}
