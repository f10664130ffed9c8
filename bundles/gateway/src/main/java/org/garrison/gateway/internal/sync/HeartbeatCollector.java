package org.garrison.gateway.internal.sync;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.garrison.api.device.DeviceService;
import org.garrison.api.store.Transactions;

/**
 * Collects when agents were seen, in memory, and writes it in bulk: heartbeats (empty syncs) are most of an agent's
 * requests, and one write per heartbeat would make the database the limit of how many agents a server can hold.
 * What was not written when a flush fails is kept for the next one.
 */
final class HeartbeatCollector {

    private final Map<UUID, AgentSighting> seen = new ConcurrentHashMap<>();
    private final Transactions transactions;
    private final DeviceService devices;
    private final AgentSyncRepository agents;

    HeartbeatCollector(Transactions transactions, DeviceService devices, AgentSyncRepository agents) {
        this.transactions = transactions;
        this.devices = devices;
        this.agents = agents;
    }

    void seen(AgentSighting sighting) {
        seen.merge(sighting.agentId(), sighting, AgentSighting::latest);
    }

    int waiting() {
        return seen.size();
    }

    /**
     * Writes what was collected: devices' last visible times, and the agents' last sync, address and version.
     *
     * @return how many agents were written
     */
    int flush() {
        List<AgentSighting> taken = new ArrayList<>();
        for (UUID agentId : List.copyOf(seen.keySet())) {
            AgentSighting sighting = seen.remove(agentId);
            if (sighting != null) {
                taken.add(sighting);
            }
        }
        if (taken.isEmpty()) {
            return 0;
        }
        Map<UUID, Instant> visible = new HashMap<>();
        for (AgentSighting sighting : taken) {
            if (sighting.deviceId() != null) {
                visible.merge(sighting.deviceId(), sighting.at(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        try {
            transactions.runInTransaction(connection -> {
                agents.recordSeen(connection, taken);
                devices.reportVisible(visible);
            });
        } catch (RuntimeException e) {
            taken.forEach(this::seen);
            throw e;
        }
        return taken.size();
    }
}
