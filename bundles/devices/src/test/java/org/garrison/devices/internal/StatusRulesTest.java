package org.garrison.devices.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.garrison.api.device.ApplicationState;
import org.garrison.api.device.ApplicationStatusReport;
import org.garrison.api.device.DeviceStatus;
import org.garrison.api.device.InstalledApplication;
import org.garrison.api.device.LicenceKey;
import org.garrison.api.device.ProtectionState;
import org.garrison.api.device.StatusLevel;
import org.garrison.api.device.StatusReason;
import org.garrison.api.group.StatusCondition;
import org.garrison.api.group.StatusConditionType;
import org.junit.jupiter.api.Test;

class StatusRulesTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    private static DeviceFacts seen(int daysAgo, InstalledApplication... applications) {
        Instant seen = NOW.minus(Duration.ofDays(daysAgo));
        return new DeviceFacts(NOW.minus(Duration.ofDays(400)), seen, seen, false, List.of(applications));
    }

    private static InstalledApplication app(ApplicationState state, ProtectionState rtp, Instant lastScan,
            long threats, Instant licenceExpiry, ApplicationStatusReport... reports) {
        return new InstalledApplication("endpoint", "Endpoint Protection", "12.1", state, rtp, lastScan, threats, 0,
                List.of(), licenceExpiry == null ? null : new LicenceKey("KEY-1", licenceExpiry), null, null, null,
                List.of(reports), List.of());
    }

    private static final StatusCondition NOT_SEEN = new StatusCondition(StatusConditionType.NOT_SEEN_DAYS, true, 7, 30);

    @Test
    void aDeviceSeenRecentlyIsOk() {
        DeviceStatus status = StatusRules.evaluate(List.of(NOT_SEEN), seen(2), NOW);
        assertEquals(StatusLevel.OK, status.level());
        assertTrue(status.reasons().isEmpty());
    }

    @Test
    void notSeenForLongerThanTheWarningThresholdWarnsWithAReadableReason() {
        DeviceStatus status = StatusRules.evaluate(List.of(NOT_SEEN), seen(12), NOW);
        assertEquals(StatusLevel.WARNING, status.level());
        assertEquals("Not visible for 12 days (warning from 7)", status.reasons().get(0).text());
        assertEquals(StatusReason.CORE, status.reasons().get(0).source());
    }

    @Test
    void notSeenBeyondTheCriticalThresholdIsCritical() {
        DeviceStatus status = StatusRules.evaluate(List.of(NOT_SEEN), seen(31), NOW);
        assertEquals(StatusLevel.CRITICAL, status.level());
        assertEquals("Not visible for 31 days (critical from 30)", status.reasons().get(0).text());
    }

    @Test
    void disabledConditionsAreIgnored() {
        StatusCondition off = new StatusCondition(StatusConditionType.NOT_SEEN_DAYS, false, 7, 30);
        assertEquals(StatusLevel.OK, StatusRules.evaluate(List.of(off), seen(100), NOW).level());
    }

    @Test
    void aPendingRestartWarnsWhenConfiguredToWarn() {
        DeviceFacts facts = new DeviceFacts(NOW, NOW, NOW, true, List.of());
        StatusCondition restart = new StatusCondition(StatusConditionType.RESTART_PENDING, true, 1, null);
        DeviceStatus status = StatusRules.evaluate(List.of(restart), facts, NOW);
        assertEquals(StatusLevel.WARNING, status.level());
        assertEquals("Restart pending", status.reasons().get(0).text());
    }

    @Test
    void applicationConditionsNameTheApplication() {
        InstalledApplication stopped = app(ApplicationState.STOPPED, ProtectionState.OFF, NOW, 3, null);
        DeviceStatus status = StatusRules.evaluate(List.of(
                new StatusCondition(StatusConditionType.APPLICATION_NOT_RUNNING, true, null, 1),
                new StatusCondition(StatusConditionType.REAL_TIME_PROTECTION_OFF, true, 1, null),
                new StatusCondition(StatusConditionType.THREATS_DETECTED, true, 1, 10)), seen(0, stopped), NOW);
        assertEquals(StatusLevel.CRITICAL, status.level());
        List<String> texts = status.reasons().stream().map(StatusReason::text).toList();
        assertEquals("Endpoint Protection is not running", texts.get(0));
        assertTrue(texts.contains("Real-time protection of Endpoint Protection is off"), texts.toString());
        assertTrue(texts.contains("3 threats detected (warning from 1)"), texts.toString());
    }

    @Test
    void noManagedApplicationIsAReason() {
        StatusCondition none = new StatusCondition(StatusConditionType.NO_MANAGED_APPLICATION, true, null, 1);
        DeviceStatus status = StatusRules.evaluate(List.of(none), seen(0), NOW);
        assertEquals(StatusLevel.CRITICAL, status.level());
        assertEquals("No managed application installed", status.reasons().get(0).text());
    }

    @Test
    void anOverdueScanAndAnExpiringLicenceAreCountedInDays() {
        InstalledApplication app = app(ApplicationState.RUNNING, ProtectionState.ON, NOW.minus(Duration.ofDays(9)), 0,
                NOW.plus(Duration.ofDays(5)).plusSeconds(60));
        DeviceStatus status = StatusRules.evaluate(List.of(
                new StatusCondition(StatusConditionType.SCAN_OVERDUE_DAYS, true, 7, 14),
                new StatusCondition(StatusConditionType.LICENCE_EXPIRING_DAYS, true, 14, 3)), seen(0, app), NOW);
        List<String> texts = status.reasons().stream().map(StatusReason::text).toList();
        assertTrue(texts.contains("Last scan by Endpoint Protection 9 days ago (warning from 7)"), texts.toString());
        assertTrue(texts.contains("Licence of Endpoint Protection expires in 5 days (warning from 14)"),
                texts.toString());
        assertEquals(StatusLevel.WARNING, status.level());
    }

    @Test
    void anExpiredLicenceIsReportedAsExpiredNotExpiring() {
        InstalledApplication app = app(ApplicationState.RUNNING, ProtectionState.ON, NOW, 0, NOW.minusSeconds(1));
        DeviceStatus status = StatusRules.evaluate(List.of(
                new StatusCondition(StatusConditionType.LICENCE_EXPIRING_DAYS, true, 14, 3),
                new StatusCondition(StatusConditionType.LICENCE_EXPIRED, true, null, 1)), seen(0, app), NOW);
        assertEquals(1, status.reasons().size());
        assertEquals("Licence of Endpoint Protection has expired", status.reasons().get(0).text());
    }

    @Test
    void reasonsSetByApplicationsCountWithTheirSourceAndComeWorstFirst() {
        InstalledApplication app = app(ApplicationState.RUNNING, ProtectionState.ON, NOW, 0, null,
                new ApplicationStatusReport(StatusLevel.CRITICAL, "DATABASES_OUTDATED", "Databases are outdated"),
                new ApplicationStatusReport(StatusLevel.OK, "FINE", "ignored"));
        DeviceStatus status = StatusRules.evaluate(List.of(NOT_SEEN), seen(8, app), NOW);
        assertEquals(StatusLevel.CRITICAL, status.level());
        assertEquals(2, status.reasons().size());
        assertEquals("endpoint", status.reasons().get(0).source());
        assertEquals("DATABASES_OUTDATED", status.reasons().get(0).code());
        assertEquals(StatusLevel.WARNING, status.reasons().get(1).level());
    }
}
