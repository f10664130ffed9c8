package org.garrison.api.policy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A profile inside a policy: settings that override the policy's own for the devices its rules match. Profiles are
 * kept in priority order, the first one highest: every enabled profile whose rules all match a device applies, and
 * where two of them set the same value, the higher one wins. A profile cannot change a value an ancestor's policy
 * locked; it may change values its own policy locked (those locks bind the policies and devices below).
 *
 * @param id             the profile's id; {@code null} in a submitted profile that is new (the server assigns one)
 * @param name           its name, unique within the policy (ignoring case), 1 to 255 characters
 * @param enabled        whether it applies at all; {@code true} when omitted
 * @param settings       the values it sets, a JSON object merged over the policy's settings
 * @param lockedSettings the paths it locks for the devices it applies to
 * @param rules          the rules a device must all match; a profile without rules applies to no device
 */
public record PolicyProfile(UUID id, String name, Boolean enabled, Map<String, Object> settings,
        List<String> lockedSettings, List<ProfileRule> rules) {

    public PolicyProfile {
        enabled = enabled == null ? Boolean.TRUE : enabled;
        settings = JsonValues.object(settings);
        lockedSettings = lockedSettings == null ? List.of() : List.copyOf(lockedSettings);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** The same profile with another id. */
    public PolicyProfile withId(UUID newId) {
        return new PolicyProfile(newId, name, enabled, settings, lockedSettings, rules);
    }
}
