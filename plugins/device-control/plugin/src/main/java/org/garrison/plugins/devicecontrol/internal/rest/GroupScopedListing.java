package org.garrison.plugins.devicecontrol.internal.rest;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.Cursor;
import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.device.DeviceService;
import org.garrison.api.store.Transactions;

/**
 * Pages of a plugin table's rows restricted to administration groups. Which group a device is in belongs to the
 * devices area and changes when devices move, so it is not copied into the plugin's tables: the listing reads rows in
 * the table's order and keeps those whose device lies in the groups, asking the devices area one chunk of rows at a
 * time. A page that would need to look at more than {@value #MAX_EXAMINED} rows ends early, with a cursor to go on
 * from there.
 *
 * @param <T> a row
 * @param <P> a position in the table's order (what a cursor holds)
 */
final class GroupScopedListing<T, P> {

    static final int MAX_EXAMINED = 10_000;

    /** The table: its rows in order after a position, and what the listing needs to know of a row. */
    interface Rows<T, P> {

        List<T> after(Connection c, P position, int limit) throws SQLException;

        UUID deviceOf(T row);

        P positionOf(T row);

        Cursor cursorOf(P position);
    }

    private final Transactions transactions;
    private final DeviceService devices;

    GroupScopedListing(Transactions transactions, DeviceService devices) {
        this.transactions = transactions;
        this.devices = devices;
    }

    /**
     * @param groups the groups whose devices' rows may be shown, or {@code null} for every existing device
     * @param after  the position the caller's cursor holds, or {@code null} for the first page
     */
    Page<T> list(Rows<T, P> rows, Set<UUID> groups, int limit, P after) {
        int chunk = Math.min(PageRequest.MAX_LIMIT, Math.max(100, 2 * limit));
        Map<UUID, UUID> groupOf = new HashMap<>();
        Set<UUID> asked = new HashSet<>();
        List<T> shown = new ArrayList<>();
        P position = after;
        int examined = 0;
        while (true) {
            P from = position;
            List<T> read = transactions.inTransaction(c -> rows.after(c, from, chunk));
            Set<UUID> unknown = new HashSet<>();
            read.forEach(row -> {
                if (asked.add(rows.deviceOf(row))) {
                    unknown.add(rows.deviceOf(row));
                }
            });
            if (!unknown.isEmpty()) {
                groupOf.putAll(devices.groupsOf(unknown));
            }
            for (int i = 0; i < read.size(); i++) {
                T row = read.get(i);
                position = rows.positionOf(row);
                examined++;
                UUID group = groupOf.get(rows.deviceOf(row));
                // a device gone from the server has no group: its rows wait for the housekeeping, shown to nobody
                if (group != null && (groups == null || groups.contains(group))) {
                    shown.add(row);
                    if (shown.size() == limit) {
                        boolean more = i < read.size() - 1 || read.size() == chunk;
                        return page(rows, shown, more ? position : null);
                    }
                }
            }
            if (read.size() < chunk) {
                return page(rows, shown, null);
            }
            if (examined >= MAX_EXAMINED) {
                return page(rows, shown, position);
            }
        }
    }

    private Page<T> page(Rows<T, P> rows, List<T> shown, P next) {
        return new Page<>(shown, next == null ? null : rows.cursorOf(next).encode(), null);
    }
}
