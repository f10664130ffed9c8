package org.garrison.audit.internal;

import java.util.List;
import java.util.Locale;

import org.garrison.api.data.DataInventoryProvider;
import org.garrison.api.data.DataItem;
import org.garrison.api.data.DataOrigin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;

/**
 * What the audit area stores, for the data inventory: the revision history, the registry of deleted objects and the
 * audit log. It reads the audit log's retention configuration, so the inventory states the limits in force.
 */
@Component(configurationPid = AuditLogConfig.PID)
public class AuditDataInventory implements DataInventoryProvider {

    private static final String OWNER = DataItem.CORE;

    private volatile List<DataItem> items;

    @Activate
    public AuditDataInventory(AuditLogConfig config) {
        this(config.maxEntries(), config.maxAgeDays());
    }

    AuditDataInventory(long maxEntries, int maxAgeDays) {
        items = items(maxEntries, maxAgeDays);
    }

    @Modified
    void modified(AuditLogConfig config) {
        items = items(config.maxEntries(), config.maxAgeDays());
    }

    @Override
    public List<DataItem> dataItems() {
        return items;
    }

    private static List<DataItem> items(long maxEntries, int maxAgeDays) {
        return List.of(
                new DataItem("audit.revision-history", OWNER, "Revision history of management objects",
                        "Every recorded state of a management object (device, group, account, role, legal terms, "
                                + "...): who changed it (login or token name), when, the action, the object's full "
                                + "state as JSON and the change from the previous state (for a device: its display "
                                + "name, description and admin tags). Personal data: actors are named, and device "
                                + "names often name their user. Accounts record no personal field here.",
                        DataOrigin.ADMIN, "AUDIT_REVISION", true, false,
                        "kept as long as the server (no retention yet)"),
                new DataItem("audit.deleted-objects", OWNER, "Registry of deleted management objects",
                        "The last state of each deleted management object, who deleted it and when, to restore it "
                                + "from. Personal data: actors are named, and a deleted device's state holds its "
                                + "names and network addresses. Accounts record no personal field here.",
                        DataOrigin.ADMIN, "AUDIT_DELETED_OBJECT", true, false,
                        "until the object is restored or an admin purges the entry"),
                new DataItem("audit.audit-log", OWNER, "Audit log",
                        "Every state-changing call and sign-in attempt: who (account login or token name), the "
                                + "call, the object, the caller's network address, the HTTP status and the outcome. "
                                + "Personal data: names people and their addresses.",
                        DataOrigin.SERVER, "AUDIT_LOG", true, false,
                        String.format(Locale.ROOT, "the newest %,d entries, none older than %d days (maxEntries and "
                                + "maxAgeDays of %s); removed once a day", maxEntries, maxAgeDays,
                                AuditLogConfig.PID)));
    }
}
