package org.garrison.policies.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.garrison.api.policy.Policy;

/**
 * The policies whose settings are merged for a group, from the top of the tree down: at each group on the way, the
 * policy in force there (if any) either inherits from what is above it, or starts afresh — unless a policy above
 * forces inheritance. Groups without a policy pass on what they get from above; inactive policies are never in
 * force.
 *
 * @param policies the policies to merge, top first
 * @param forcer   the policy that forces inheritance on everything below, or {@code null}
 */
record PolicyChain(List<Policy> policies, Policy forcer) {

    static final PolicyChain EMPTY = new PolicyChain(List.of(), null);

    PolicyChain {
        policies = List.copyOf(policies);
    }

    /**
     * @param path   the groups from the top of the tree down
     * @param inForce the policy in force at a group, or {@code null}
     */
    static PolicyChain along(List<UUID> path, Function<UUID, Policy> inForce) {
        List<Policy> policies = new ArrayList<>();
        Policy forcer = null;
        for (UUID group : path) {
            Policy policy = inForce.apply(group);
            if (policy == null) {
                continue;
            }
            if (!policy.inheritFromParent() && forcer == null) {
                policies.clear();
            }
            policies.add(policy);
            if (forcer == null && policy.forceInheritance()) {
                forcer = policy;
            }
        }
        return new PolicyChain(policies, forcer);
    }

    /** Whether a policy attached below the end of this chain must inherit from it. */
    boolean forcesInheritance() {
        return forcer != null;
    }

    /** The chain as a policy below it sees it: the policy's own chain if it inherits, else nothing above. */
    PolicyChain below(boolean inheritFromParent) {
        return inheritFromParent || forcesInheritance() ? this : EMPTY;
    }
}
