package org.garrison.api.group;

/**
 * One device-status condition of a group's device settings.
 *
 * @param type              what is checked
 * @param enabled           whether it is checked at all
 * @param warningThreshold  the value from which the status is WARNING, or {@code null} if this condition never
 *                          warns (for conditions without threshold: any non-null value means "warn")
 * @param criticalThreshold the value from which the status is CRITICAL, or {@code null} if this condition is never
 *                          critical (for conditions without threshold: any non-null value means "critical")
 */
public record StatusCondition(StatusConditionType type, boolean enabled, Integer warningThreshold,
        Integer criticalThreshold) {
}
