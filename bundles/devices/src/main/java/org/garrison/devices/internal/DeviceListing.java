package org.garrison.devices.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.Cursor;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.device.Device;
import org.garrison.api.device.DeviceQuery;
import org.garrison.api.device.DeviceSort;
import org.garrison.api.error.ValidationException;

/**
 * SQL of the device listing: filters, total count and one keyset page in one of the sort orders.
 *
 * <p>Two plans keep a page fast at a million devices. A filter an index answers with a set of device ids (text,
 * software, tag) drives the query: the count reads that index, and a page joins the ids to their devices and sorts
 * them. When the matches are many, sorting them all costs more than reading the sort order's index from the start
 * and stopping after one page, so then the page reads that index (a hint Derby understands; other databases read it
 * as a comment and plan for themselves). Derby cannot read an index backwards, so each descending order has an
 * index of its own there.
 */
final class DeviceListing {

    /** From how many matches a listing without an id-set filter reads its sort index in order. */
    static final long INDEX_ORDER_MIN_MATCHES = 2_000;

    /**
     * From how many matches a listing with an id-set filter reads its sort index in order: the matches may be
     * spread thinly through that index, so reading it pays only when they are many. Measured with bench/devices at
     * 1,000,000 devices: 10,000 matches read 120 ms in index order against 440 ms joined and sorted, 2,000 matches
     * 50 ms joined and sorted.
     */
    static final long DRIVEN_INDEX_ORDER_MIN_MATCHES = 5_000;

    private final DeviceRepository devices;
    private final SearchTermRepository terms;
    private final long indexOrderMinMatches;
    private final long drivenIndexOrderMinMatches;

    DeviceListing(DeviceRepository devices) {
        this(devices, INDEX_ORDER_MIN_MATCHES, DRIVEN_INDEX_ORDER_MIN_MATCHES);
    }

    /** With other plan thresholds: tests use them to check that both plans list the same devices. */
    DeviceListing(DeviceRepository devices, long indexOrderMinMatches, long drivenIndexOrderMinMatches) {
        this.devices = devices;
        this.terms = new SearchTermRepository(devices);
        this.indexOrderMinMatches = indexOrderMinMatches;
        this.drivenIndexOrderMinMatches = drivenIndexOrderMinMatches;
    }

    /** The groups a listing covers: those named, or every group but one ({@code null}: no group filter). */
    record GroupFilter(Set<UUID> only, UUID allBut) {

        static GroupFilter only(Set<UUID> groups) {
            return new GroupFilter(Set.copyOf(groups), null);
        }

        static GroupFilter allBut(UUID group) {
            return new GroupFilter(null, group);
        }

        /** Whether the filter names no group at all, so nothing matches (and {@link #where()} has no SQL for it). */
        boolean matchesNothing() {
            return only != null && only.isEmpty();
        }

        Where where() {
            return where("d.GROUP_ID");
        }

        /** The condition on a column holding a group id. */
        Where where(String column) {
            if (allBut != null) {
                return new Where(column + " <> ?", List.of(allBut.toString()));
            }
            return new Where(column + " IN (" + DeviceRepository.marks(only.size()) + ")",
                    only.stream().map(UUID::toString).map(Object.class::cast).toList());
        }
    }

    /** A query's conditions: those on the device row, and the set of device ids an index answers, if any. */
    private record Filters(Where rows, Where ids) {

        /** Every condition on the device row, the id set as an IN condition. */
        Where all() {
            return ids == null ? rows : rows.and(new Where("d.ID IN (" + ids.condition() + ")", ids.parameters()));
        }

        /** The FROM clause: the devices, or the id set joined to its devices. */
        String from() {
            return ids == null ? " FROM DEVICE d"
                    : " FROM (" + ids.condition() + ") x JOIN DEVICE d ON d.ID = x.DEVICE_ID";
        }

        /** The parameters of {@link #from()}. */
        List<Object> fromParameters() {
            return ids == null ? List.of() : ids.parameters();
        }
    }

    /** A page of devices matching the query. */
    Page<Device> list(Connection connection, DeviceQuery query, GroupFilter groups, PageRequest page)
            throws SQLException {
        SortOrder order = SortOrder.of(query.sort(), query.descending());
        Filters filters = filters(connection, query, groups);
        Where after = page.cursor() == null ? Where.none() : order.after(page.cursor());
        long total;
        if (groups != null && groups.allBut() != null) {
            // counting the few rows of the one group left out, and subtracting them, reads far less than
            // checking the group of every row
            total = count(connection, filters(connection, query, null))
                    - count(connection, filters(connection, query, GroupFilter.only(Set.of(groups.allBut()))));
        } else {
            total = count(connection, filters);
        }
        if (total == 0) {
            return new Page<>(List.of(), null, 0L);
        }
        boolean indexOrder = total >= (filters.ids() == null ? indexOrderMinMatches : drivenIndexOrderMinMatches);
        String sql;
        List<Object> parameters = new ArrayList<>();
        String select = "SELECT " + String.join(", ", order.columns().stream().map(c -> "d." + c).toList());
        if (indexOrder) {
            Where where = filters.all().and(after);
            sql = select + " FROM DEVICE d --DERBY-PROPERTIES index=" + order.index() + "\n" + where.sql();
            parameters.addAll(where.parameters());
        } else {
            Where where = filters.rows().and(after);
            sql = select + filters.from() + where.sql();
            parameters.addAll(filters.fromParameters());
            parameters.addAll(where.parameters());
        }
        List<UUID> ids = new ArrayList<>();
        List<String[]> keys = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql + " ORDER BY " + order.orderBy()
                + " FETCH FIRST " + (page.limit() + 1) + " ROWS ONLY")) {
            Where.bind(statement, parameters);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    ids.add(UUID.fromString(rs.getString("ID")));
                    keys.add(order.keysOf(rs));
                }
            }
        }
        boolean more = ids.size() > page.limit();
        List<UUID> pageIds = ids.stream().limit(page.limit()).toList();
        Map<UUID, Device> loaded = devices.load(connection, pageIds);
        List<Device> items = pageIds.stream().map(loaded::get).toList();
        String next = more ? order.cursor(keys.get(page.limit() - 1)).encode() : null;
        return new Page<>(items, next, total);
    }

    private static long count(Connection connection, Filters filters) throws SQLException {
        String sql;
        List<Object> parameters = new ArrayList<>(filters.fromParameters());
        if (filters.ids() != null && filters.rows().condition().isEmpty()) {
            // every id in the set names a device (foreign key): no need to read the devices
            sql = "SELECT COUNT(*) FROM (" + filters.ids().condition() + ") x";
        } else {
            sql = "SELECT COUNT(*)" + filters.from() + filters.rows().sql();
            parameters.addAll(filters.rows().parameters());
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Where.bind(statement, parameters);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private Filters filters(Connection connection, DeviceQuery query, GroupFilter groups) throws SQLException {
        Where rows = groups == null ? Where.none() : groups.where();
        // the sets of device ids an index answers, most selective first as a rule: the first drives the query
        List<Where> idSets = new ArrayList<>();
        if (!query.statuses().isEmpty()) {
            rows = rows.and(new Where("d.STATUS IN (" + DeviceRepository.marks(query.statuses().size()) + ")",
                    query.statuses().stream().map(s -> (Object) s.ordinal()).toList()));
        }
        if (!query.osTypes().isEmpty()) {
            rows = rows.and(new Where("d.OS_TYPE IN (" + DeviceRepository.marks(query.osTypes().size()) + ")",
                    query.osTypes().stream().map(s -> (Object) s.name()).toList()));
        }
        if (query.text() != null && !query.text().isBlank()) {
            if (terms.complete(connection)) {
                idSets.add(textIds(query.text()));
            } else {
                // devices stored before the search terms existed have none yet: match the text anywhere
                String pattern = Normalised.containsPattern(query.text());
                rows = rows.and(new Where("(d.NAME_KEY LIKE ? ESCAPE '\\' OR d.DNS_NAME_KEY LIKE ? ESCAPE '\\' "
                        + "OR d.IPV4 LIKE ? ESCAPE '\\' OR LOWER(d.IPV6) LIKE ? ESCAPE '\\' OR EXISTS (SELECT 1 FROM "
                        + "DEVICE_MAC m WHERE m.DEVICE_ID = d.ID AND m.MAC LIKE ? ESCAPE '\\'))",
                        List.of(pattern, pattern, pattern, pattern, pattern.replace('-', ':'))));
            }
        }
        if (query.softwareName() != null) {
            if (query.softwareVersion() != null) {
                idSets.add(new Where("SELECT DISTINCT DEVICE_ID FROM DEVICE_SOFTWARE WHERE NAME_KEY = ? "
                        + "AND VERSION = ?",
                        List.of(Normalised.key(query.softwareName()), query.softwareVersion().trim())));
            } else {
                idSets.add(new Where("SELECT DISTINCT DEVICE_ID FROM DEVICE_SOFTWARE WHERE NAME_KEY = ?",
                        List.of(Normalised.key(query.softwareName()))));
            }
        }
        if (query.tag() != null && !query.tag().isBlank()) {
            idSets.add(new Where("SELECT DISTINCT DEVICE_ID FROM DEVICE_TAG WHERE TAG_KEY = ?",
                    List.of(Normalised.key(query.tag()))));
        }
        if (query.lastVisibleFrom() != null) {
            rows = rows.and(new Where("d.LAST_VISIBLE_KEY >= ?", List.of(query.lastVisibleFrom().toEpochMilli())));
        }
        if (query.lastVisibleTo() != null) {
            rows = rows.and(new Where("d.LAST_VISIBLE_KEY > 0 AND d.LAST_VISIBLE_KEY < ?",
                    List.of(query.lastVisibleTo().toEpochMilli())));
        }
        if (query.application() != null) {
            rows = rows.and(new Where("EXISTS (SELECT 1 FROM DEVICE_APPLICATION a WHERE a.DEVICE_ID = d.ID "
                    + "AND a.APPLICATION_ID = ?)", List.of(query.application())));
        }
        if (query.withoutApplication() != null) {
            rows = rows.and(new Where("NOT EXISTS (SELECT 1 FROM DEVICE_APPLICATION a WHERE a.DEVICE_ID = d.ID "
                    + "AND a.APPLICATION_ID = ?)", List.of(query.withoutApplication())));
        }
        for (Where ids : idSets.subList(Math.min(1, idSets.size()), idSets.size())) {
            rows = rows.and(new Where("d.ID IN (" + ids.condition() + ")", ids.parameters()));
        }
        return new Filters(rows, idSets.isEmpty() ? null : idSets.get(0));
    }

    /** The devices with a search term the text starts (see {@link SearchTerms}). */
    private static Where textIds(String text) {
        List<String> patterns = SearchTerms.prefixPatterns(text);
        String one = "SELECT DEVICE_ID FROM DEVICE_TERM WHERE TERM LIKE ? ESCAPE '\\'";
        if (patterns.size() == 1) {
            return new Where("SELECT DISTINCT DEVICE_ID FROM DEVICE_TERM WHERE TERM LIKE ? ESCAPE '\\'",
                    List.copyOf(patterns));
        }
        return new Where(one + " UNION " + one, List.copyOf(patterns));
    }

    /** A conjunction of SQL conditions with their parameters. */
    record Where(String condition, List<Object> parameters) {

        static Where none() {
            return new Where("", List.of());
        }

        Where and(Where other) {
            if (condition.isEmpty()) {
                return other;
            }
            if (other.condition.isEmpty()) {
                return this;
            }
            List<Object> all = new ArrayList<>(parameters);
            all.addAll(other.parameters);
            return new Where(condition + " AND " + other.condition, all);
        }

        String sql() {
            return condition.isEmpty() ? "" : " WHERE " + condition;
        }

        /** Binds parameters in order, from the first. */
        static void bind(PreparedStatement statement, List<Object> parameters) throws SQLException {
            int index = 1;
            for (Object parameter : parameters) {
                if (parameter instanceof Long value) {
                    statement.setLong(index++, value);
                } else if (parameter instanceof Integer value) {
                    statement.setInt(index++, value);
                } else {
                    statement.setString(index++, (String) parameter);
                }
            }
        }
    }

    /** The columns of one sort order, ending with the id so the order is total. */
    record SortOrder(DeviceSort sort, boolean descending, List<String> columns, List<Boolean> numeric) {

        static SortOrder of(DeviceSort sort, boolean descending) {
            return switch (sort) {
                case NAME -> new SortOrder(sort, descending, List.of("NAME_KEY", "ID"), List.of(false, false));
                case LAST_VISIBLE -> new SortOrder(sort, descending, List.of("LAST_VISIBLE_KEY", "ID"),
                        List.of(true, false));
                case STATUS -> new SortOrder(sort, descending, List.of("STATUS", "NAME_KEY", "ID"),
                        List.of(true, false, false));
                case OS -> new SortOrder(sort, descending, List.of("OS_KEY", "NAME_KEY", "ID"),
                        List.of(false, false, false));
                case IP -> new SortOrder(sort, descending, List.of("IPV4_KEY", "ID"), List.of(true, false));
            };
        }

        /** The index that holds the rows in this order (Derby has one per direction). */
        String index() {
            String index = switch (sort) {
                case NAME -> "DEVICE_NAME";
                case LAST_VISIBLE -> "DEVICE_VISIBLE";
                case STATUS -> "DEVICE_STATUS";
                case OS -> descending ? "DEVICE_OS" : "DEVICE_OS_NAME";
                case IP -> "DEVICE_IP";
            };
            return index + (descending ? "_DESC_IX" : "_IX");
        }

        String orderBy() {
            String direction = descending ? " DESC" : " ASC";
            return String.join(", ", columns.stream().map(c -> "d." + c + direction).toList());
        }

        String[] keysOf(ResultSet rs) throws SQLException {
            String[] keys = new String[columns.size()];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = rs.getString(columns.get(i));
            }
            return keys;
        }

        /** The cursor after a row: the order's name and direction, then the row's keys. */
        Cursor cursor(String[] keys) {
            List<String> all = new ArrayList<>();
            all.add(sort.name() + (descending ? ":desc" : ":asc"));
            all.addAll(List.of(keys));
            return new Cursor(all);
        }

        /** The condition "after the cursor's row" in this order. */
        Where after(Cursor cursor) {
            List<String> keys = cursor.keys();
            if (keys.size() != columns.size() + 1
                    || !keys.get(0).equals(sort.name() + (descending ? ":desc" : ":asc"))) {
                throw new ValidationException("cursor", "belongs to another order or filter; start again without one");
            }
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                String key = keys.get(i + 1);
                if (numeric.get(i)) {
                    try {
                        values.add(Long.parseLong(key));
                    } catch (NumberFormatException e) {
                        throw new ValidationException("cursor", "is not a cursor this server issued");
                    }
                } else {
                    values.add(key);
                }
            }
            String comparison = descending ? " < ?" : " > ?";
            List<String> alternatives = new ArrayList<>();
            List<Object> parameters = new ArrayList<>();
            for (int i = 0; i < columns.size(); i++) {
                StringBuilder alternative = new StringBuilder("(");
                for (int j = 0; j < i; j++) {
                    alternative.append("d.").append(columns.get(j)).append(" = ? AND ");
                    parameters.add(values.get(j));
                }
                alternative.append("d.").append(columns.get(i)).append(comparison).append(")");
                parameters.add(values.get(i));
                alternatives.add(alternative.toString());
            }
            // the bound on the leading column alone lets the database range-scan the sort index
            List<Object> bounded = new ArrayList<>();
            bounded.add(values.get(0));
            bounded.addAll(parameters);
            return new Where("d." + columns.get(0) + (descending ? " <= ?" : " >= ?") + " AND ("
                    + String.join(" OR ", alternatives) + ")", bounded);
        }
    }
}
