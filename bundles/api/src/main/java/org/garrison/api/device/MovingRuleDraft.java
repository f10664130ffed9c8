package org.garrison.api.device;

import java.util.UUID;

/**
 * A device moving rule as an admin writes it.
 *
 * @param name           1–255 characters
 * @param enabled        whether the rule is applied
 * @param targetGroupId  the group matching devices are moved into (not "Unassigned devices")
 * @param mode           once or continuously
 * @param unassignedOnly apply only to devices in "Unassigned devices"
 * @param conditions     what a device must satisfy
 */
public record MovingRuleDraft(String name, boolean enabled, UUID targetGroupId, MovingRuleMode mode,
        boolean unassignedOnly, MovingRuleConditions conditions) {
}
