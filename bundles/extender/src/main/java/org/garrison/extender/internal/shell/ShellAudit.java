package org.garrison.extender.internal.shell;

import org.garrison.api.audit.AuditLog;
import org.garrison.api.plugin.PluginInfo;

/** Records a plugin command in the audit log. */
final class ShellAudit {

    private ShellAudit() {
    }

    static void record(AuditLog log, String command, PluginInfo plugin) {
        ShellAccess.audit(log, command, plugin.id());
    }
}
