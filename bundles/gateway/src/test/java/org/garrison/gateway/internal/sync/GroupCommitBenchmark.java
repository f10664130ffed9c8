package org.garrison.gateway.internal.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.garrison.api.agent.AgentState;
import org.garrison.api.agent.SyncItem;
import org.garrison.api.agent.SyncRequest;
import org.garrison.api.event.EventSeverity;
import org.garrison.api.event.NewEvent;
import org.garrison.gateway.internal.AgentIdentity;
import org.garrison.gateway.internal.server.GatewaySettings;

/**
 * Run by hand ({@code main}): stores the same kind of syncs one per transaction and in groups, over the test areas,
 * and prints syncs per second against one sync per transaction. Not a test: timings are not asserted. In-memory Derby
 * (the default) costs nothing to commit, so it shows little; set {@code GARRISON_UNIT_TEST_POSTGRES_URL} to measure
 * against a database that writes its log to disk.
 */
public final class GroupCommitBenchmark {

    private GroupCommitBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int agents = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        measure(200, 1);
        double alone = measure(agents, 1);
        for (int group : new int[] {10, 50, 100}) {
            double grouped = measure(agents, group);
            System.out.printf("group of %3d: %6.0f syncs/s, %.2f x one per transaction (%6.0f syncs/s)%n", group,
                    grouped, grouped / alone, alone);
        }
    }

    /** Syncs per second of each agent's second sync (5 events), stored in groups of the given size. */
    private static double measure(int agents, int group) throws Exception {
        TestBed bed = new TestBed();
        SyncService service = bed.syncService(GatewaySettings.defaults());
        try {
            List<AgentIdentity> enrolled = new ArrayList<>();
            for (int i = 0; i < agents; i++) {
                enrolled.add(bed.enroll(AgentState.ACTIVE));
            }
            run(service, enrolled, group, 0);
            long start = System.nanoTime();
            run(service, enrolled, group, 5);
            return agents / ((System.nanoTime() - start) / 1e9);
        } finally {
            TestBed.stop(service);
        }
    }

    private static void run(SyncService service, List<AgentIdentity> agents, int group, int events)
            throws Exception {
        List<PendingSync> batch = new ArrayList<>();
        List<CompletableFuture<?>> answers = new ArrayList<>();
        for (AgentIdentity agent : agents) {
            List<SyncItem> items = new ArrayList<>();
            if (events > 0) {
                List<NewEvent> list = new ArrayList<>();
                for (int i = 0; i < events; i++) {
                    list.add(new NewEvent(UUID.randomUUID(), Instant.now(), null, null, "core",
                            "agent-started", EventSeverity.INFO, "", Map.of()));
                }
                items.add(SyncItem.events(1, list));
            }
            PendingSync pending = new PendingSync(agent, new SyncRequest(items, null), "10.0.0.1", 500,
                    new CompletableFuture<>());
            answers.add(pending.answer());
            batch.add(pending);
            if (batch.size() == group) {
                service.storeGroup(batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            service.storeGroup(batch);
        }
        for (CompletableFuture<?> answer : answers) {
            answer.get(60, TimeUnit.SECONDS);
        }
    }
}
