package org.garrison.agent.sync;

import java.io.IOException;
import java.time.Clock;

import org.garrison.agent.enrollment.Enrollment;
import org.garrison.agent.identity.AgentIdentity;
import org.garrison.agent.identity.AgentRecord;
import org.garrison.agent.identity.IdentityStore;
import org.garrison.agent.inventory.InventorySource;
import org.garrison.agent.outbox.Outbox;
import org.garrison.agent.outbox.OutboxOptions;
import org.garrison.agent.transport.GatewayChannels;

/** Opens an enrolled agent's session from its data folder: identity, outbox, journal and inventory state. */
public final class AgentSessions {

    private AgentSessions() {
    }

    /**
     * @throws NotEnrolledException if no agent has enrolled with the data folder
     * @throws IOException          if its state cannot be read (or another agent process holds the outbox)
     */
    public static AgentSession open(SessionSettings settings, InventorySource machine, GatewayChannels channels,
            Clock clock, String agentVersion) throws IOException {
        IdentityStore store = new IdentityStore(settings.dataFolder(), channels.json());
        if (!store.enrolled()) {
            throw new NotEnrolledException(settings.dataFolder());
        }
        AgentRecord record = store.record().orElseThrow(() -> new NotEnrolledException(settings.dataFolder()));
        AgentIdentity identity = store.load();
        Outbox outbox = Outbox.open(settings.dataFolder().resolve("outbox"),
                settings.fsync() ? OutboxOptions.durable(settings.outboxMaxBytes())
                        : OutboxOptions.simulated(settings.outboxMaxBytes()), clock);
        try {
            AgentReports reports = new AgentReports(outbox, channels.json(), clock);
            InventoryTracker inventory = new InventoryTracker(machine, reports, settings.dataFolder(),
                    channels.json(), clock, settings.inventoryInterval());
            InstructionJournal journal = InstructionJournal.open(settings.dataFolder().resolve("instructions.done"),
                    clock, settings.fsync());
            HeldPolicies policies = HeldPolicies.open(settings.dataFolder().resolve("policies.json"), channels.json(),
                    clock);
            return new AgentSession(store, record, identity, channels, new Enrollment(channels, clock, agentVersion),
                    outbox, reports, inventory, journal, policies, clock, agentVersion);
        } catch (IOException | RuntimeException e) {
            outbox.close();
            throw e;
        }
    }
}
