package org.garrison.api.policy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The settings of one application in force for a device (or, without profiles, for a group), after inheritance down
 * the group tree, locks and profiles.
 *
 * @param deviceId        the device, or {@code null} for a group's effective policy
 * @param groupId         the device's group, or the group asked about
 * @param application     the application (plugin) id
 * @param outOfOffice     whether the device counts as outside the organisation's network, so that out-of-office
 *                        policies apply where a group has one
 * @param policies        the policies merged, from the top of the tree down; empty when none applies
 * @param appliedProfiles the profiles that apply, as the origin each of them gives its values, in the order they
 *                        were merged (the last one wins over the others)
 * @param settings        the merged settings; {@code {}} when no policy applies
 * @param origins         for each leaf of {@code settings} (by path, in the order of the paths), where its value
 *                        comes from
 * @param lockedSettings  the paths locked for the device (by any of the policies or applied profiles), sorted
 * @param hash            a hash of the settings and locked paths (hex SHA-256 of their canonical JSON form): it
 *                        changes exactly when what the device must apply changes
 */
public record EffectivePolicy(UUID deviceId, UUID groupId, String application, boolean outOfOffice,
        List<UUID> policies, List<SettingOrigin> appliedProfiles, Map<String, Object> settings,
        Map<String, SettingOrigin> origins, List<String> lockedSettings, String hash) {

    public EffectivePolicy {
        policies = List.copyOf(policies);
        appliedProfiles = List.copyOf(appliedProfiles);
        settings = JsonValues.object(settings);
        origins = JsonValues.ordered(origins);
        lockedSettings = List.copyOf(lockedSettings);
    }

    /** The same effective settings, for a device of the group. */
    public EffectivePolicy forDevice(UUID device) {
        return new EffectivePolicy(device, groupId, application, outOfOffice, policies, appliedProfiles, settings,
                origins, lockedSettings, hash);
    }
}
