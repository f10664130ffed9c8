package org.garrison.policies.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.garrison.api.policy.EffectivePolicy;
import org.garrison.api.policy.Policy;
import org.garrison.api.policy.PolicyState;

/**
 * The active and out-of-office policies as stored at one generation, indexed by group and application, with the
 * effective policies already computed from them. A change to any policy makes a new generation and so a new
 * snapshot; the computed effective policies go with the old one.
 */
public final class InForcePolicies {

    /** Computed effective policies kept per snapshot; beyond this they are dropped and computed again. */
    static final int MAX_CACHED = 20_000;

    private record Slot(UUID group, String application) {
    }

    /**
     * What an effective policy depends on besides the snapshot: the groups from the top of the tree down to the
     * device's, whether out-of-office policies apply, and the ids of the profiles that match (empty for a group).
     */
    record Key(String application, List<UUID> path, boolean outOfOffice, List<UUID> profiles) {
    }

    private final long generation;
    private final Map<Slot, Policy> active = new HashMap<>();
    private final Map<Slot, Policy> outOfOffice = new HashMap<>();
    private final Map<Key, EffectivePolicy> computed = new ConcurrentHashMap<>();

    public InForcePolicies(long generation, List<Policy> inForce) {
        this.generation = generation;
        for (Policy policy : inForce) {
            Slot slot = new Slot(policy.groupId(), policy.application());
            if (policy.state() == PolicyState.ACTIVE) {
                active.put(slot, policy);
            } else if (policy.state() == PolicyState.OUT_OF_OFFICE) {
                outOfOffice.put(slot, policy);
            }
        }
    }

    public long generation() {
        return generation;
    }

    /**
     * The policy in force at a group: its out-of-office policy for devices outside the organisation's network
     * where it has one, else its active one; {@code null} when none.
     */
    Policy at(UUID group, String application, boolean outside) {
        Slot slot = new Slot(group, application);
        if (outside) {
            Policy away = outOfOffice.get(slot);
            if (away != null) {
                return away;
            }
        }
        return active.get(slot);
    }

    PolicyChain chain(List<UUID> path, String application, boolean outside) {
        return PolicyChain.along(path, group -> at(group, application, outside));
    }

    EffectivePolicy computed(Key key, Function<Key, EffectivePolicy> compute) {
        EffectivePolicy known = computed.get(key);
        if (known != null) {
            return known;
        }
        if (computed.size() >= MAX_CACHED) {
            computed.clear();
        }
        EffectivePolicy fresh = compute.apply(key);
        computed.put(key, fresh);
        return fresh;
    }
}
