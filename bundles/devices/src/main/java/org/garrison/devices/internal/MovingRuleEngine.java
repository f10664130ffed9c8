package org.garrison.devices.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.device.Device;
import org.garrison.api.device.DeviceMovingRule;
import org.garrison.api.device.MovingRuleMode;
import org.garrison.api.group.AdministrationGroup;

/**
 * Applies the ordered moving rules to one device: the first enabled rule whose conditions hold decides. A "once"
 * rule that has already been applied to the device decides that nothing moves; applying one is remembered.
 */
final class MovingRuleEngine {

    private final MovingRuleRepository rules;

    MovingRuleEngine(MovingRuleRepository rules) {
        this.rules = rules;
    }

    /**
     * @param ordered      the rules in order
     * @param applications the ids of the managed applications installed on the device
     * @return the group the device must move to, if it must move
     */
    Optional<UUID> apply(Connection connection, List<DeviceMovingRule> ordered, Device device,
            Set<String> applications, Instant now) throws SQLException {
        Set<UUID> applied = null;
        for (DeviceMovingRule rule : ordered) {
            if (!rule.enabled() || (rule.unassignedOnly()
                    && !AdministrationGroup.UNASSIGNED_DEVICES.equals(device.groupId()))) {
                continue;
            }
            if (!MovingRuleMatcher.matches(rule.conditions(), device, applications)) {
                continue;
            }
            if (rule.mode() == MovingRuleMode.ONCE) {
                if (applied == null) {
                    applied = rules.appliedTo(connection, device.id());
                }
                if (applied.contains(rule.id())) {
                    return Optional.empty();
                }
                rules.recordApplied(connection, rule.id(), device.id(), now);
            }
            return rule.targetGroupId().equals(device.groupId()) ? Optional.empty()
                    : Optional.of(rule.targetGroupId());
        }
        return Optional.empty();
    }
}
