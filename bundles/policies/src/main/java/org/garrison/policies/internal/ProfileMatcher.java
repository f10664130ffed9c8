package org.garrison.policies.internal;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.garrison.api.device.HardwareComponent;
import org.garrison.api.device.UserAccount;
import org.garrison.api.policy.PolicyProfile;
import org.garrison.api.policy.ProfileRule;

/**
 * Decides which profiles apply to a device: enabled ones with at least one rule, every rule matching. Rules are
 * checked in order and stop at the first that fails, so a cheap rule put first spares reading accounts or hardware.
 */
final class ProfileMatcher {

    private final DevicePlacement placement;

    ProfileMatcher(DevicePlacement placement) {
        this.placement = placement;
    }

    /**
     * @param groupPath the device's group and the groups above it
     */
    boolean applies(PolicyProfile profile, DeviceFacts device, List<UUID> groupPath) {
        if (!profile.enabled() || profile.rules().isEmpty()) {
            return false;
        }
        for (ProfileRule rule : profile.rules()) {
            if (!matches(rule, device, groupPath)) {
                return false;
            }
        }
        return true;
    }

    private boolean matches(ProfileRule rule, DeviceFacts device, List<UUID> groupPath) {
        List<String> values = rule.values();
        return switch (rule.attribute()) {
            case TAG -> values.stream().anyMatch(v -> device.tags().contains(lower(v)));
            case NETWORK -> values.contains(placement.outside(device) ? ProfileRules.OUTSIDE : ProfileRules.INSIDE);
            case OFFLINE -> values.contains(String.valueOf(placement.offline(device)));
            case OWNER -> device.users().get().stream().anyMatch(account -> ownedBy(account, values));
            case HARDWARE -> device.hardware().get().stream().anyMatch(component -> madeBy(component, values));
            case OS_TYPE -> device.osType() != null && values.contains(device.osType().name());
            case OS_NAME -> values.stream().anyMatch(v -> contains(device.osName(), v));
            case GROUP -> values.stream().anyMatch(v -> groupPath.contains(UUID.fromString(v)));
        };
    }

    private static boolean ownedBy(UserAccount account, List<String> values) {
        String name = lower(account.name());
        String qualified = account.domain() == null ? null : lower(account.domain()) + "\\" + name;
        return values.stream().map(ProfileMatcher::lower).anyMatch(v -> v.equals(name) || v.equals(qualified));
    }

    private static boolean madeBy(HardwareComponent component, List<String> values) {
        return values.stream().anyMatch(v -> contains(component.vendor(), v) || contains(component.model(), v));
    }

    private static boolean contains(String text, String part) {
        return text != null && lower(text).contains(lower(part));
    }

    private static String lower(String text) {
        return text == null ? "" : text.toLowerCase(Locale.ROOT);
    }
}
