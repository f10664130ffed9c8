package org.garrison.plugins.endpointprotection.internal.rest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.garrison.api.Page;
import org.garrison.api.PageRequest;
import org.garrison.api.device.DeviceService;
import org.garrison.api.error.NotFoundException;
import org.garrison.api.store.Transactions;
import org.garrison.plugins.endpointprotection.internal.store.StoredThreat;
import org.garrison.plugins.endpointprotection.internal.store.ThreatPosition;
import org.garrison.plugins.endpointprotection.internal.store.ThreatRepository;
import org.garrison.plugins.endpointprotection.internal.store.ThreatSelection;

/**
 * Pages of detections restricted to groups. Which group a device is in belongs to the devices area and changes when
 * devices move, so it is not copied into the plugin's table: the listing reads detections newest first and keeps
 * those whose device lies in the groups, asking the devices area one chunk of rows at a time. A page that would need
 * to look at more than {@value #MAX_EXAMINED} rows ends early, with a cursor to go on from there.
 */
final class ThreatListing {

    static final int MAX_EXAMINED = 10_000;

    private final Transactions transactions;
    private final DeviceService devices;
    private final ThreatRepository threats = new ThreatRepository();

    ThreatListing(Transactions transactions, DeviceService devices) {
        this.transactions = transactions;
        this.devices = devices;
    }

    /**
     * @param groups the groups whose devices' detections may be shown, or {@code null} for every existing device
     */
    Page<ThreatView> list(ThreatSelection selection, Set<UUID> groups, PageRequest request) {
        ThreatPosition after = request.cursor() == null ? null : ThreatPosition.of(request.cursor());
        int chunk = Math.min(PageRequest.MAX_LIMIT, Math.max(100, 2 * request.limit()));
        Map<UUID, UUID> groupOf = new HashMap<>();
        Set<UUID> asked = new HashSet<>();
        List<StoredThreat> shown = new ArrayList<>();
        int examined = 0;
        while (true) {
            ThreatPosition from = after;
            List<StoredThreat> rows = transactions.inTransaction(c -> threats.page(c, selection, from, chunk));
            Set<UUID> unknown = new HashSet<>();
            rows.forEach(row -> {
                if (asked.add(row.deviceId())) {
                    unknown.add(row.deviceId());
                }
            });
            if (!unknown.isEmpty()) {
                groupOf.putAll(devices.groupsOf(unknown));
            }
            for (int i = 0; i < rows.size(); i++) {
                StoredThreat row = rows.get(i);
                after = ThreatPosition.of(row);
                examined++;
                UUID group = groupOf.get(row.deviceId());
                // a device gone from the server has no group: its rows wait for the cleanup, shown to nobody
                if (group != null && (groups == null || groups.contains(group))) {
                    shown.add(row);
                    if (shown.size() == request.limit()) {
                        boolean more = i < rows.size() - 1 || rows.size() == chunk;
                        return page(shown, more ? after : null);
                    }
                }
            }
            if (rows.size() < chunk) {
                return page(shown, null);
            }
            if (examined >= MAX_EXAMINED) {
                return page(shown, after);
            }
        }
    }

    private Page<ThreatView> page(List<StoredThreat> rows, ThreatPosition next) {
        Map<UUID, String> names = new HashMap<>();
        List<ThreatView> views = new ArrayList<>(rows.size());
        for (StoredThreat row : rows) {
            String name = names.computeIfAbsent(row.deviceId(), this::displayName);
            views.add(ThreatView.of(row, name));
        }
        return new Page<>(views, next == null ? null : next.cursor().encode(), null);
    }

    private String displayName(UUID deviceId) {
        try {
            return devices.get(deviceId).displayName();
        } catch (NotFoundException e) {
            return null;
        }
    }
}
