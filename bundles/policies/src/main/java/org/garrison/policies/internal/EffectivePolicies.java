package org.garrison.policies.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.garrison.api.policy.EffectivePolicy;
import org.garrison.api.policy.Policy;
import org.garrison.api.policy.PolicyProfile;
import org.garrison.api.policy.SettingOrigin;

/**
 * Computes effective policies from a snapshot of the policies in force. The merge depends only on the group's place
 * in the tree, on whether out-of-office policies apply and on which profiles match; it is done once per such
 * combination and snapshot, and each device then costs the matching of its profiles' rules.
 */
public final class EffectivePolicies {

    private final DevicePlacement placement;
    private final ProfileMatcher matcher;
    private final PolicyJson json;

    public EffectivePolicies(DevicePlacement placement, PolicyJson json) {
        this.placement = placement;
        this.matcher = new ProfileMatcher(placement);
        this.json = json;
    }

    /**
     * @param path the groups from the top of the tree down to the group
     */
    public EffectivePolicy forGroup(InForcePolicies snapshot, List<UUID> path, String application,
            boolean outOfOffice) {
        InForcePolicies.Key key = new InForcePolicies.Key(application, List.copyOf(path), outOfOffice, List.of());
        return snapshot.computed(key, k -> compute(snapshot.chain(k.path(), application, outOfOffice), k,
                Map.of()));
    }

    /**
     * @param path the groups from the top of the tree down to the device's group
     */
    public EffectivePolicy forDevice(InForcePolicies snapshot, List<UUID> path, DeviceFacts device,
            String application) {
        boolean outside = placement.outside(device);
        PolicyChain chain = snapshot.chain(path, application, outside);
        Map<UUID, List<PolicyProfile>> matching = new HashMap<>();
        List<UUID> matchingIds = new ArrayList<>();
        for (Policy policy : chain.policies()) {
            List<PolicyProfile> applied = new ArrayList<>();
            for (PolicyProfile profile : policy.profiles()) {
                if (matcher.applies(profile, device, path)) {
                    applied.add(profile);
                    matchingIds.add(profile.id());
                }
            }
            matching.put(policy.id(), applied);
        }
        InForcePolicies.Key key = new InForcePolicies.Key(application, List.copyOf(path), outside,
                List.copyOf(matchingIds));
        return snapshot.computed(key, k -> compute(chain, k, matching)).forDevice(device.deviceId());
    }

    private EffectivePolicy compute(PolicyChain chain, InForcePolicies.Key key,
            Map<UUID, List<PolicyProfile>> matching) {
        MergedSettings merged = PolicyLayers.merge(chain, policy -> matching.getOrDefault(policy.id(), List.of()));
        List<SettingOrigin> applied = new ArrayList<>();
        for (Policy policy : chain.policies()) {
            List<PolicyProfile> profiles = matching.getOrDefault(policy.id(), List.of());
            for (int i = profiles.size() - 1; i >= 0; i--) {
                applied.add(PolicyLayers.origin(policy, profiles.get(i)));
            }
        }
        List<String> locked = merged.lockedPaths();
        return new EffectivePolicy(null, key.path().get(key.path().size() - 1), key.application(),
                key.outOfOffice(), chain.policies().stream().map(Policy::id).toList(), applied, merged.settings(),
                merged.origins(), locked, json.hash(merged.settings(), locked));
    }
}
