package org.garrison.devices.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.garrison.api.device.ApplicationState;
import org.garrison.api.device.ApplicationSummary;
import org.garrison.api.device.KeyUsage;
import org.garrison.api.device.LicenceUsage;
import org.garrison.api.device.ProtectionState;
import org.garrison.api.store.SqlTime;

/**
 * SQL of the fleet-wide summary of the managed applications. The database does the counting: one grouped pass over
 * DEVICE_APPLICATION gives every count per application, state and protection state (a few dozen rows per
 * application), and one grouped query per application its most used keys. Each row carries its device's group, so
 * a summary over some groups never reads the devices. Keys leave this class masked.
 */
final class ApplicationSummaries {

    /** How many keys a summary names per application. */
    static final int TOP_KEYS = 20;

    /** How many of a key's last characters a summary shows at most. */
    static final int VISIBLE_KEY_CHARACTERS = 5;

    private ApplicationSummaries() {
    }

    /**
     * The summaries of the applications installed on the devices in the groups, by name.
     *
     * @param groups         the groups, or {@code null} for every device; not one that
     *                       {@link DeviceListing.GroupFilter#matchesNothing() matches nothing}
     * @param now            from when an active key counts as expired
     * @param expiringBefore until when (inclusive) it counts as expiring
     */
    static List<ApplicationSummary> summarise(Connection connection, DeviceListing.GroupFilter groups, Instant now,
            Instant expiringBefore) throws SQLException {
        DeviceListing.Where where = groups == null ? DeviceListing.Where.none() : groups.where("a.GROUP_ID");
        Map<String, Counts> byApplication = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT a.APPLICATION_ID, a.STATE, "
                + "a.RTP_STATE, MIN(a.NAME), COUNT(*), SUM(a.THREATS_DETECTED), SUM(a.NOT_DISINFECTED), "
                + "SUM(CASE WHEN a.ACTIVE_KEY IS NULL THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN a.ACTIVE_KEY IS NOT NULL AND a.ACTIVE_KEY_EXPIRES <= ? THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN a.ACTIVE_KEY IS NOT NULL AND a.ACTIVE_KEY_EXPIRES > ? "
                + "AND a.ACTIVE_KEY_EXPIRES <= ? THEN 1 ELSE 0 END)"
                + " FROM DEVICE_APPLICATION a" + where.sql() + " GROUP BY a.APPLICATION_ID, a.STATE, a.RTP_STATE")) {
            SqlTime.set(statement, 1, now);
            SqlTime.set(statement, 2, now);
            SqlTime.set(statement, 3, expiringBefore);
            bind(statement, 4, where.parameters());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    byApplication.computeIfAbsent(rs.getString(1), id -> new Counts()).add(rs);
                }
            }
        }
        List<ApplicationSummary> summaries = new ArrayList<>();
        for (Map.Entry<String, Counts> entry : byApplication.entrySet()) {
            Counts counts = entry.getValue();
            summaries.add(new ApplicationSummary(entry.getKey(), counts.name, counts.devices, counts.states,
                    counts.protection, counts.threats, counts.notDisinfected, new LicenceUsage(counts.withoutKey,
                            counts.expired, counts.expiring,
                            counts.devices - counts.withoutKey - counts.expired - counts.expiring,
                            topKeys(connection, entry.getKey(), where))));
        }
        summaries.sort(Comparator.comparing((ApplicationSummary s) -> s.name().toLowerCase(Locale.ROOT))
                .thenComparing(ApplicationSummary::applicationId));
        return summaries;
    }

    /** The active keys of an application used by the most devices, masked. */
    private static List<KeyUsage> topKeys(Connection connection, String applicationId, DeviceListing.Where groups)
            throws SQLException {
        DeviceListing.Where where = new DeviceListing.Where("a.APPLICATION_ID = ? AND a.ACTIVE_KEY IS NOT NULL",
                List.of(applicationId)).and(groups);
        List<KeyUsage> keys = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("SELECT a.ACTIVE_KEY, COUNT(*) AS DEVICES, "
                + "MIN(a.ACTIVE_KEY_EXPIRES) AS EXPIRES_AT FROM DEVICE_APPLICATION a" + where.sql()
                + " GROUP BY a.ACTIVE_KEY "
                + "ORDER BY DEVICES DESC, a.ACTIVE_KEY FETCH FIRST " + TOP_KEYS + " ROWS ONLY")) {
            bind(statement, 1, where.parameters());
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    keys.add(new KeyUsage(mask(rs.getString(1)), rs.getLong(2), SqlTime.get(rs, "EXPIRES_AT")));
                }
            }
        }
        return keys;
    }

    /**
     * A key as an overview may show it: an ellipsis and its last characters, at most five and at most half of the
     * key, so even a short key is never shown whole.
     */
    static String mask(String key) {
        String trimmed = key.strip();
        int visible = Math.min(VISIBLE_KEY_CHARACTERS, trimmed.length() / 2);
        return "…" + trimmed.substring(trimmed.length() - visible);
    }

    private static void bind(PreparedStatement statement, int first, List<Object> parameters) throws SQLException {
        int index = first;
        for (Object parameter : parameters) {
            statement.setString(index++, (String) parameter);
        }
    }

    /** The counts of one application, added up from its rows per state and protection state. */
    private static final class Counts {
        private final Map<ApplicationState, Long> states = new EnumMap<>(ApplicationState.class);
        private final Map<ProtectionState, Long> protection = new EnumMap<>(ProtectionState.class);
        private String name;
        private long devices;
        private long threats;
        private long notDisinfected;
        private long withoutKey;
        private long expired;
        private long expiring;

        void add(ResultSet rs) throws SQLException {
            long count = rs.getLong(5);
            states.merge(ApplicationState.valueOf(rs.getString(2)), count, Long::sum);
            protection.merge(ProtectionState.valueOf(rs.getString(3)), count, Long::sum);
            String rowName = rs.getString(4);
            if (name == null || rowName.compareTo(name) < 0) {
                name = rowName;
            }
            devices += count;
            threats += rs.getLong(6);
            notDisinfected += rs.getLong(7);
            withoutKey += rs.getLong(8);
            expired += rs.getLong(9);
            expiring += rs.getLong(10);
        }
    }
}
