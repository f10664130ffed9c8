package org.garrison.policies.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.garrison.api.policy.Policy;
import org.garrison.api.policy.PolicyProfile;
import org.garrison.api.policy.SettingOrigin;

/**
 * Merges a chain of policies, each with the profiles that apply, in the one order the server knows: top of the
 * tree first; for each policy its own settings, then its profiles from the lowest priority to the highest, and only
 * then its locks and theirs — so a policy's profiles may change what the policy itself locks (its locks bind what
 * lies below), but nothing may change what a policy above locked.
 */
final class PolicyLayers {

    private PolicyLayers() {
    }

    /**
     * @param profiles the profiles of a policy that apply, highest priority first
     */
    static MergedSettings merge(PolicyChain chain, Function<Policy, List<PolicyProfile>> profiles) {
        MergedSettings merged = new MergedSettings();
        for (Policy policy : chain.policies()) {
            SettingOrigin origin = origin(policy, null);
            merged.apply(policy.settings(), origin);
            List<PolicyProfile> applied = profiles.apply(policy);
            for (int i = applied.size() - 1; i >= 0; i--) {
                merged.apply(applied.get(i).settings(), origin(policy, applied.get(i)));
            }
            merged.lock(policy.lockedSettings(), origin);
            for (PolicyProfile profile : applied) {
                merged.lock(profile.lockedSettings(), origin(policy, profile));
            }
        }
        return merged;
    }

    /** The chain merged without profiles, as policies below it inherit it. */
    static MergedSettings merge(PolicyChain chain) {
        return merge(chain, policy -> List.of());
    }

    /** The chain merged, then the given settings over it (respecting the chain's locks). */
    static Map<String, Object> mergeOver(PolicyChain chain, List<Map<String, Object>> layers) {
        MergedSettings merged = merge(chain);
        for (Map<String, Object> layer : layers) {
            merged.apply(layer, null);
        }
        return merged.settings();
    }

    static SettingOrigin origin(Policy policy, PolicyProfile profile) {
        return new SettingOrigin(policy.id(), policy.name(), policy.groupId(), profile == null ? null : profile.name());
    }
}
