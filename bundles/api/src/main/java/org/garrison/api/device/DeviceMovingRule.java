package org.garrison.api.device;

import java.time.Instant;
import java.util.UUID;

/**
 * A rule that places devices into an administration group automatically. Rules are ordered: for each device the
 * first enabled rule whose conditions hold decides; later rules are not considered.
 *
 * @param id             the rule's id
 * @param position       its place in the order, from 1
 * @param name           its name
 * @param enabled        whether it is applied
 * @param targetGroupId  the group matching devices are moved into
 * @param mode           once or continuously
 * @param unassignedOnly apply only to devices in "Unassigned devices"
 * @param conditions     what a device must satisfy
 * @param createdAt      when it was created
 * @param modifiedAt     when it was last changed
 */
public record DeviceMovingRule(UUID id, int position, String name, boolean enabled, UUID targetGroupId,
        MovingRuleMode mode, boolean unassignedOnly, MovingRuleConditions conditions, Instant createdAt,
        Instant modifiedAt) {
}
