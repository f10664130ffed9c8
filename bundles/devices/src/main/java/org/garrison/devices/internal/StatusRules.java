package org.garrison.devices.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.garrison.api.device.DeviceStatus;
import org.garrison.api.device.InstalledApplication;
import org.garrison.api.device.ProtectionState;
import org.garrison.api.device.ApplicationState;
import org.garrison.api.device.ApplicationStatusReport;
import org.garrison.api.device.StatusLevel;
import org.garrison.api.device.StatusReason;
import org.garrison.api.group.StatusCondition;

/**
 * Computes a device's status from the status conditions in force for its group and the device's facts, with a
 * human-readable reason for every condition that holds, plus the reasons the device's applications set.
 */
final class StatusRules {

    private StatusRules() {
    }

    static DeviceStatus evaluate(List<StatusCondition> conditions, DeviceFacts facts, Instant now) {
        List<StatusReason> reasons = new ArrayList<>();
        for (StatusCondition condition : conditions) {
            if (condition.enabled()) {
                evaluate(condition, facts, now, reasons);
            }
        }
        for (InstalledApplication application : facts.applications()) {
            for (ApplicationStatusReport report : application.statusReports()) {
                if (report.level() != StatusLevel.OK) {
                    reasons.add(new StatusReason(report.level(), application.applicationId(), report.code(),
                            report.text()));
                }
            }
        }
        reasons.sort(Comparator.comparing(StatusReason::level).reversed());
        StatusLevel level = reasons.stream().map(StatusReason::level).reduce(StatusLevel.OK, StatusLevel::worst);
        return new DeviceStatus(level, reasons, now);
    }

    private static void evaluate(StatusCondition condition, DeviceFacts facts, Instant now,
            List<StatusReason> reasons) {
        String code = condition.type().name();
        switch (condition.type()) {
            case NOT_SEEN_DAYS -> {
                Instant seen = facts.lastVisible() != null ? facts.lastVisible() : facts.registeredAt();
                long days = days(seen, now);
                atLeast(condition, days).ifPresent(level -> reasons.add(new StatusReason(level, StatusReason.CORE,
                        code, "Not visible for " + days(days) + threshold(condition, level))));
            }
            case NOT_SYNCHRONISED_DAYS -> {
                Instant updated = facts.lastUpdate() != null ? facts.lastUpdate() : facts.registeredAt();
                long days = days(updated, now);
                atLeast(condition, days).ifPresent(level -> reasons.add(new StatusReason(level, StatusReason.CORE,
                        code, (facts.lastUpdate() == null ? "Never synchronised since registration " + days(days)
                                + " ago" : "Not synchronised for " + days(days)) + threshold(condition, level))));
            }
            case RESTART_PENDING -> {
                if (facts.restartPending()) {
                    flag(condition).ifPresent(level -> reasons.add(
                            new StatusReason(level, StatusReason.CORE, code, "Restart pending")));
                }
            }
            case APPLICATION_NOT_RUNNING -> flag(condition).ifPresent(level -> facts.applications().stream()
                    .filter(a -> a.state() != ApplicationState.RUNNING)
                    .forEach(a -> reasons.add(new StatusReason(level, StatusReason.CORE, code,
                            a.name() + " is not running"))));
            case REAL_TIME_PROTECTION_OFF -> flag(condition).ifPresent(level -> facts.applications().stream()
                    .filter(a -> a.realTimeProtection() == ProtectionState.OFF
                            || a.realTimeProtection() == ProtectionState.PAUSED)
                    .forEach(a -> reasons.add(new StatusReason(level, StatusReason.CORE, code,
                            "Real-time protection of " + a.name() + " is "
                                    + (a.realTimeProtection() == ProtectionState.OFF ? "off" : "paused")))));
            case THREATS_DETECTED -> {
                long threats = facts.applications().stream().mapToLong(InstalledApplication::threatsDetected).sum();
                if (threats > 0) {
                    atLeast(condition, threats).ifPresent(level -> reasons.add(new StatusReason(level,
                            StatusReason.CORE, code, count(threats, "threat") + " detected"
                                    + threshold(condition, level))));
                }
            }
            case OBJECTS_NOT_DISINFECTED -> {
                long objects = facts.applications().stream()
                        .mapToLong(InstalledApplication::objectsNotDisinfected).sum();
                if (objects > 0) {
                    atLeast(condition, objects).ifPresent(level -> reasons.add(new StatusReason(level,
                            StatusReason.CORE, code, count(objects, "object") + " not disinfected"
                                    + threshold(condition, level))));
                }
            }
            case SCAN_OVERDUE_DAYS -> {
                for (InstalledApplication application : facts.applications()) {
                    if (application.lastScan() == null) {
                        if (application.realTimeProtection() != ProtectionState.NOT_SUPPORTED) {
                            worstConfigured(condition).ifPresent(level -> reasons.add(new StatusReason(level,
                                    StatusReason.CORE, code, application.name() + " has never scanned the device")));
                        }
                        continue;
                    }
                    long days = days(application.lastScan(), now);
                    atLeast(condition, days).ifPresent(level -> reasons.add(new StatusReason(level,
                            StatusReason.CORE, code, "Last scan by " + application.name() + " " + days(days)
                                    + " ago" + threshold(condition, level))));
                }
            }
            case LICENCE_EXPIRING_DAYS -> {
                for (InstalledApplication application : facts.applications()) {
                    if (application.activeKey() == null || application.activeKey().expiresAt() == null
                            || !application.activeKey().expiresAt().isAfter(now)) {
                        continue;
                    }
                    long left = days(now, application.activeKey().expiresAt());
                    atMost(condition, left).ifPresent(level -> reasons.add(new StatusReason(level,
                            StatusReason.CORE, code, "Licence of " + application.name() + " expires in "
                                    + days(left) + threshold(condition, level))));
                }
            }
            case LICENCE_EXPIRED -> flag(condition).ifPresent(level -> facts.applications().stream()
                    .filter(a -> a.activeKey() != null && a.activeKey().expiresAt() != null
                            && !a.activeKey().expiresAt().isAfter(now))
                    .forEach(a -> reasons.add(new StatusReason(level, StatusReason.CORE, code,
                            "Licence of " + a.name() + " has expired"))));
            case NO_MANAGED_APPLICATION -> {
                if (facts.applications().isEmpty()) {
                    flag(condition).ifPresent(level -> reasons.add(
                            new StatusReason(level, StatusReason.CORE, code, "No managed application installed")));
                }
            }
        }
    }

    /** The level for a value that is bad when high. */
    private static Optional<StatusLevel> atLeast(StatusCondition condition, long value) {
        if (condition.criticalThreshold() != null && value >= condition.criticalThreshold()) {
            return Optional.of(StatusLevel.CRITICAL);
        }
        if (condition.warningThreshold() != null && value >= condition.warningThreshold()) {
            return Optional.of(StatusLevel.WARNING);
        }
        return Optional.empty();
    }

    /** The level for a value that is bad when low (days left). */
    private static Optional<StatusLevel> atMost(StatusCondition condition, long value) {
        if (condition.criticalThreshold() != null && value <= condition.criticalThreshold()) {
            return Optional.of(StatusLevel.CRITICAL);
        }
        if (condition.warningThreshold() != null && value <= condition.warningThreshold()) {
            return Optional.of(StatusLevel.WARNING);
        }
        return Optional.empty();
    }

    /** The level of a condition without threshold: any threshold set means that level, critical first. */
    private static Optional<StatusLevel> flag(StatusCondition condition) {
        return worstConfigured(condition);
    }

    private static Optional<StatusLevel> worstConfigured(StatusCondition condition) {
        if (condition.criticalThreshold() != null) {
            return Optional.of(StatusLevel.CRITICAL);
        }
        if (condition.warningThreshold() != null) {
            return Optional.of(StatusLevel.WARNING);
        }
        return Optional.empty();
    }

    private static String threshold(StatusCondition condition, StatusLevel level) {
        Integer value = level == StatusLevel.CRITICAL ? condition.criticalThreshold() : condition.warningThreshold();
        return " (" + level.name().toLowerCase(Locale.ROOT) + " from " + value + ")";
    }

    private static long days(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).toDays());
    }

    private static String days(long days) {
        return count(days, "day");
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
